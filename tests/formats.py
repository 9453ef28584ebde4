"""Fixtures: the seeds as a user downloads them — GBK text, a saved government web page,
a Word file and a PDF with a text layer — generated on the fly, no binary blobs."""

from __future__ import annotations

import html
from pathlib import Path

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>{title}_某区人民政府门户网站</title>
<script>var _hmt = _hmt || [];</script><style>.nav {{ color: #333; }}</style></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a> <a href="/bsfw">办事服务</a></div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/xxgk">信息公开</a></li><li><a href="/fzzf">法治政府建设</a></li></ul></div>
<div class="breadcrumb">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 法治政府建设</div>
<div class="article">
<h1>{title}</h1>
<div class="info">{info}</div>
<div class="content" id="zoom">
{body}
</div></div>
<div class="share">分享到: <a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">关于开展2024年度普法考试的通知</a></li><li><a href="/b">区政府常务会议纪要</a></li></ul></div>
<div class="footer">主办单位:某区人民政府办公室 | 网站标识码:2104110001 | ICP备案号:辽ICP备12345678号<br>
<a href="#top">返回顶部</a> | <a href="javascript:window.close()">关闭窗口</a> | <a href="javascript:print()">打印本页</a></div>
</body></html>
"""


def as_html(text: str, published: str | None = "2025-01-06", charset: str = "utf-8") -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    title = html.escape(lines[0][:40])
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    info = (f"发布时间:{published} " if published else "") + "来源:区司法局 浏览次数:128"
    return PAGE.format(title=title, info=info, body=body, charset=charset)


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(path)
    return path


def write_pdf(text: str, path: Path) -> Path:
    """A PDF with a text layer, in Adobe's built-in Chinese font (no font file needed)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    story = [Paragraph(html.escape(line), style) for line in text.split("\n") if line.strip()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF with an image and no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    return path
