import json, os, re
from collections import Counter
g = json.load(open('gold.json', encoding='utf-8'))
docs = g['documents']
assert g['schema_version'] == 1 and len(docs) == 120
LEVELS = {'province','city','district','county','town','subdistrict','zone'}
CATS = {'province','province_department','prefecture','department','district','county','town','subdistrict','zone'}
han = lambda s: len(re.findall(r'[\u4e00-\u9fff]', s))
bad = []
nt = ch = sg = 0
for d in docs:
    f = d['file']; t = open(f, encoding='utf-8').read()
    r = d['region']
    if not (2016 <= d['year'] <= 2025): bad.append((f, 'year'))
    if r['level'] not in LEVELS or d['category'] not in CATS: bad.append((f, 'level/cat'))
    if t.endswith('\n'): bad.append((f, 'newline'))
    if not (200 <= han(t) <= 450): bad.append((f, 'len', han(t)))
    if d['truncated'] is not True or d['format'] != 'txt-utf8': bad.append((f, 'flags'))
    if (r['adcode'] is None) != (r['level'] == 'zone'): bad.append((f, 'adcode-null'))
    if r['adcode'] is not None and not (100000 <= r['adcode'] <= 659999): bad.append((f, 'adcode'))
    if r['adcode'] and r['level'] == 'province' and r['adcode'] % 10000: bad.append((f, 'prov code'))
    if r['adcode'] and r['level'] == 'city' and (r['adcode'] % 100 or r['adcode'] % 10000 == 0): bad.append((f, 'city code'))
    if not r['full_name'].startswith(r['province']): bad.append((f, 'full/prov'))
    if r['city'] and r['city'] not in r['full_name']: bad.append((f, 'full/city'))
    if d['issuer'] not in t: bad.append((f, 'issuer'))
    lines = t.split('\n')
    body = [l for l in lines if not re.match(r'(首页|当前位置|您当前|今天是|发布|【)', l)]
    btxt = '\n'.join(body)
    Y = d['year']; cn = ''.join('〇一二三四五六七八九'[int(c)] for c in str(Y))
    if str(Y) not in btxt and cn not in btxt.replace('○', '〇'): bad.append((f, 'year only chrome'))
    op = [l for l in body if ('法治政府建设' in l or '依法行政' in l) and '报告' in l and len(l) > 60]
    if not op: bad.append((f, 'no opening'))
    else:
        n = len(re.findall(r'[。：]', op[0]))
        if not 2 <= n <= 4: bad.append((f, 'sents', n))
    if not any(re.match(r'\s*一、', l) for l in lines): bad.append((f, 'heading'))
    if any(l.startswith(('首页', '当前位置', '您当前', '今天是')) for l in lines): ch += 1
    if not any(('报告' in l and len(l) < 60 and not l.startswith(('首页','当前','您当前'))) for l in lines[:6]): nt += 1
    if re.search(r'\n\d{4}年\d{1,2}月\d{1,2}日$', t): sg += 1
print('problems:', bad)
print('no-title', nt, 'chrome', ch, 'signature', sg)
print('category', dict(Counter(d['category'] for d in docs)))
print('province', dict(Counter(d['region']['province'] for d in docs)))
print('year', sorted(Counter(d['year'] for d in docs).items()))
print('han len min/max', min(han(open(d['file']).read()) for d in docs), max(han(open(d['file']).read()) for d in docs))
