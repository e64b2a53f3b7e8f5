# cython: language_level=3, boundscheck=False, wraparound=False
"""``normalize.normalize_with_map`` in one pass of C: the folded text and its map back, together.

In Python the fold is ``str.translate``/``str.replace`` (fast) but the map needs a Python step
for every deleted or expanded character, and news text writes tanween and shadda often
(شهراً، اعتباراً): a fifth of milestone extraction went there. Here one loop over the
characters writes the folded text and the breakpoints. Written by hand because no library
keeps such a map (camel_tools, pyarabic and the rest return the folded string alone); the
Python version in ``normalize`` stays as the reference (tests compare the two) and the fallback.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.unicode cimport (
    PyUnicode_4BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_FromKindAndData,
    PyUnicode_KIND,
    PyUnicode_READ,
)
from libc.string cimport memset


DEF KEEP = 0
DEF REPLACE = 1  # by one character: offsets do not move
DEF SHIFT = 2  # deleted, or replaced by several characters


cdef class Folder:
    """``fold(text)`` -> (folded, starts, origins): ``text.translate(table)`` and the breakpoints of
    ``normalize.Normalized``, as ``normalize.normalize_with_map`` computes them."""

    cdef unsigned char action[65536]
    cdef Py_UCS4 single[65536]
    cdef dict shifting  # character -> its replacement ("" when deleted)

    def __init__(self, dict table):
        memset(self.action, KEEP, sizeof(self.action))
        self.shifting = {}
        for code, repl in table.items():
            if code >= 65536:
                raise ValueError(f"mapped character outside the Basic Multilingual Plane: {code:#x}")
            repl = repl or ""
            if len(repl) == 1:
                self.action[code], self.single[code] = REPLACE, ord(repl)
            else:
                self.action[code] = SHIFT
                self.shifting[chr(code)] = repl

    def fold(self, str text):
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t n = len(text), p, j, o = 0, shift = 0, npos, width, size = n
        cdef Py_UCS4 c
        cdef unsigned char act
        for p in range(n):  # the folded length first: an expansion (ﷺ is 18 letters) must fit, no more
            c = PyUnicode_READ(kind, data, p)
            if c < 65536 and self.action[c] == SHIFT:
                size += len(<str> self.shifting[c]) - 1
        cdef Py_UCS4 *out = <Py_UCS4 *> PyMem_Malloc(max(size, 1) * sizeof(Py_UCS4))
        if out == NULL:
            raise MemoryError()
        starts, origins = [0], [0]
        try:
            for p in range(n):
                c = PyUnicode_READ(kind, data, p)
                act = self.action[c] if c < 65536 else KEEP
                if act == KEEP:
                    out[o] = c
                    o += 1
                elif act == REPLACE:
                    out[o] = self.single[c]
                    o += 1
                else:
                    repl = <str> self.shifting[c]
                    width = len(repl)
                    npos = p + shift
                    # every character of an expansion points at the character it came from
                    for j in range(width):
                        out[o] = repl[j]
                        o += 1
                        _breakpoint(starts, origins, npos + j, p)
                    shift += width - 1
                    _breakpoint(starts, origins, p + 1 + shift, p + 1)
            folded = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, o)
        finally:
            PyMem_Free(out)
        return folded, starts, origins


cdef inline int _breakpoint(list starts, list origins, Py_ssize_t start, Py_ssize_t origin) except -1:
    """Append a breakpoint; one at the same start as the last replaces it (a deletion right after
    another change), as ``normalize_with_map`` collapses them."""
    cdef Py_ssize_t last = len(starts) - 1  # no [-1]: wraparound is off
    if starts[last] == start:
        origins[last] = origin
    else:
        starts.append(start)
        origins.append(origin)
    return 0
