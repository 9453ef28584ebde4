"""fazhi's exceptions: one tree, printed in one place (the CLI).

    FazhiError
     ├── InputError        a file cannot be read or is not a report
     │    └── EncodingError  the bytes are not text in the expected encoding
     ├── OntologyError     the ontology, vocabulary or shapes are broken
     ├── QueryError        a SPARQL query is malformed or fails
     ├── GraphError        a graph file cannot be read or written
     └── ValidationError   a graph does not conform to the SHACL shapes

Messages read ``where: what is wrong — what to do``.
"""

from __future__ import annotations


class FazhiError(Exception):
    """Base class of every error fazhi reports to a user."""


class InputError(FazhiError):
    """A report file is missing, unreadable or not a report."""


class EncodingError(InputError):
    """A report file's bytes do not decode as the expected encoding."""


class OntologyError(FazhiError):
    """The shipped ontology, vocabulary or shapes cannot be loaded."""


class QueryError(FazhiError):
    """A SPARQL query is malformed or failed."""


class GraphError(FazhiError):
    """A graph file cannot be read or written."""


class ValidationError(FazhiError):
    """A graph does not conform to the SHACL shapes."""
