# cython: language_level=3, boundscheck=False, wraparound=False
"""Where a milestone can start, found word by word in C: the scan behind ``milestones._heads``.

The same heads as the regex ``milestones.HEADS`` (tests compare the two on random and real
text), found about five times faster: Python's ``re`` tries the whole pattern at every word
(~250 ns a word, a third of the time of milestone extraction), while here a word is read once,
hashed as it is read, and looked up only when a filter of the listed words' hashes lets it
through, in a table keyed by that hash (``_Words``: no string is made for a lookup). Written by hand because no
library scans for whole words with a look at the words after them on every platform
(hyperscan has x86-64 wheels only and calls back into Python for every match). When this
module is not compiled, ``milestones`` falls back to the regex, with the same results.

A head is, at a word start (a ``\\w`` character after a non-word one, as ``(?<!\\w)``):
- a leader (في، منذ، في موعد أقصاه…, with و/ف attached) followed, after spaces, by an opener,
  or by a filler (يوم، شهر…) then an opener: the head is the leader alone;
- else an opener: a listed word (clitics included), also with digits glued after it (أكتوبر2017: the
  head is the word up to its first digit), or [وف]?ب? then a digit, or ال before a digit (ب15، بال8).
The character classes are CPython's, as ``re`` uses them: ``\\w`` is alphanumeric or ``_``,
``\\s`` is ``str.isspace``, ``\\d`` a decimal digit.
"""

from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISSPACE,
    PyUnicode_DATA,
    PyUnicode_KIND,
    PyUnicode_READ,
)
from cpython.mem cimport PyMem_Calloc, PyMem_Free
from libc.stdint cimport uint64_t
from libc.string cimport memset


cdef struct Text:
    int kind
    void *data
    Py_ssize_t n


# The classes of re's \w, \s and \d for every character of the Basic Multilingual Plane, from the
# predicates re (and str.isalnum/isspace/isdecimal) use: a byte load instead of up to four Unicode
# lookups a character.
DEF WORD = 1
DEF SPACE = 2
DEF DECIMAL = 4
cdef unsigned char _CLASSES[65536]


cdef void _fill_classes() noexcept:
    cdef Py_UCS4 c
    for c in range(65536):
        _CLASSES[c] = ((WORD if c == u"_" or Py_UNICODE_ISALNUM(c) else 0) | (SPACE if Py_UNICODE_ISSPACE(c) else 0)
                       | (DECIMAL if Py_UNICODE_ISDECIMAL(c) else 0))


_fill_classes()


cdef inline bint _is(Py_UCS4 c, unsigned char cls) noexcept:
    if c < 65536:
        return _CLASSES[c] & cls
    if cls == WORD:
        return Py_UNICODE_ISALNUM(c)
    return Py_UNICODE_ISSPACE(c) if cls == SPACE else Py_UNICODE_ISDECIMAL(c)


cdef inline Py_UCS4 _at(Text *t, Py_ssize_t i) noexcept:
    return PyUnicode_READ(t.kind, t.data, i)


cdef inline bint _clitic(Py_UCS4 c) noexcept:
    return c == u"و" or c == u"ف"


# Words are looked up in Python dicts only when their hash has its bit set in a filter of the
# listed words' hashes (1 bit in 2**16): most words are turned away without making a string.
DEF FILTER_BITS = 65536
cdef uint64_t FNV_OFFSET = 14695981039346656037ULL
cdef uint64_t FNV_PRIME = 1099511628211ULL


cdef inline uint64_t _mix(uint64_t h, Py_UCS4 c) noexcept:
    return (h ^ <uint64_t>c) * FNV_PRIME


cdef inline Py_ssize_t _slot(uint64_t h) noexcept:
    return <Py_ssize_t>((h >> 24) % FILTER_BITS)


cdef uint64_t _hash(str word):
    cdef uint64_t h = FNV_OFFSET
    cdef Py_UCS4 c
    for c in word:
        h = _mix(h, c)
    return h


cdef inline uint64_t _hash_at(Text *t, Py_ssize_t start, Py_ssize_t end) noexcept:
    """``_hash(text[start:end])`` without making the string."""
    cdef uint64_t h = FNV_OFFSET
    cdef Py_ssize_t p
    for p in range(start, end):
        h = _mix(h, _at(t, p))
    return h


cdef class _Words:
    """A dict of words looked up by a range of the text, without making the word: the range's hash (the
    same FNV hash the scan computes as it reads a word) finds the slot, and the characters are compared
    in place. A Python dict wants a string, and making one for every word looked up was a quarter of
    the scan (the same keys and values as the dict it is built from: the same lookups)."""

    cdef uint64_t *hashes
    cdef Py_ssize_t *entries  # index into words/values + 1; 0 for an empty slot
    cdef Py_ssize_t mask
    cdef list words, values

    def __cinit__(self, dict table):
        cdef Py_ssize_t size = 16, i
        cdef uint64_t h
        while size < 4 * len(table):
            size *= 2
        self.mask = size - 1
        self.hashes = <uint64_t *> PyMem_Calloc(size, sizeof(uint64_t))
        self.entries = <Py_ssize_t *> PyMem_Calloc(size, sizeof(Py_ssize_t))
        if self.hashes == NULL or self.entries == NULL:
            raise MemoryError()
        self.words, self.values = [], []
        for word, value in table.items():
            h = _hash(word)
            i = <Py_ssize_t>(h & <uint64_t>self.mask)
            while self.entries[i]:
                i = (i + 1) & self.mask
            self.words.append(word)
            self.values.append(value)
            self.hashes[i], self.entries[i] = h, len(self.words)

    def __dealloc__(self):
        PyMem_Free(self.hashes)
        PyMem_Free(self.entries)

    cdef object get(self, Text *t, Py_ssize_t start, Py_ssize_t end, uint64_t h):
        """The value of ``text[start:end]`` (whose hash is ``h``), or None when it is not a key."""
        cdef Py_ssize_t i = <Py_ssize_t>(h & <uint64_t>self.mask), k
        while self.entries[i]:
            if self.hashes[i] == h:
                k = self.entries[i] - 1
                if _same(t, start, end, <str> self.words[k]):
                    return self.values[k]
            i = (i + 1) & self.mask
        return None

    cdef inline object get_range(self, Text *t, Py_ssize_t start, Py_ssize_t end):
        return self.get(t, start, end, _hash_at(t, start, end))


cdef inline bint _same(Text *t, Py_ssize_t start, Py_ssize_t end, str word) noexcept:
    """Whether ``text[start:end] == word``, compared in place."""
    cdef Py_ssize_t n = end - start, j
    cdef int kind
    cdef void *data
    if n != len(word):
        return False
    kind, data = PyUnicode_KIND(word), PyUnicode_DATA(word)
    for j in range(n):
        if PyUnicode_READ(kind, data, j) != _at(t, start + j):
            return False
    return True


cdef class HeadScanner:
    """``scan(text)`` -> ``[start, forms, start, forms, ...]``: each head and the bit set of the forms
    that can start there, flat (a list of pairs would have the garbage collector walk every pair).

    ``openers``: opener word (with its clitics) -> forms; ``forms_of``: every word with forms (the
    openers and the words around a leader); ``leaders``: first word -> the words that may follow
    it, longest first (``()`` for a one-word leader); ``fillers``: words between a leader and its
    opener; ``number_forms``: the forms of a head that is a number (a digit, or ال before one), by the
    length of the number (index 5: five digits or more).
    """

    cdef _Words openers, forms_of, leaders, fillers
    cdef tuple number_forms
    cdef unsigned char opener_filter[FILTER_BITS]
    cdef unsigned char leader_filter[FILTER_BITS]

    def __init__(self, dict openers, dict forms_of, dict leaders, fillers, tuple number_forms):
        self.openers, self.forms_of, self.leaders = _Words(openers), _Words(forms_of), _Words(leaders)
        self.fillers, self.number_forms = _Words(dict.fromkeys(fillers, True)), number_forms
        assert len(number_forms) == 6
        memset(self.opener_filter, 0, sizeof(self.opener_filter))
        memset(self.leader_filter, 0, sizeof(self.leader_filter))
        for word in openers:
            self.opener_filter[_slot(_hash(word))] = 1
        for word in leaders:
            self.leader_filter[_slot(_hash(word))] = 1

    def scan(self, str text):
        cdef Text t = Text(PyUnicode_KIND(text), PyUnicode_DATA(text), len(text))
        cdef Py_ssize_t i = 0, end, head_end
        cdef uint64_t whole, tail
        cdef Py_UCS4 c
        out = []
        while i < t.n:
            c = _at(&t, i)
            if not _is(c, WORD):
                i += 1
                continue
            # the word's hash, and that of the word without its first letter (a clitic و/ف)
            whole, tail = _mix(FNV_OFFSET, c), FNV_OFFSET
            end = i + 1
            while end < t.n:
                c = _at(&t, end)
                if not _is(c, WORD):
                    break
                whole, tail = _mix(whole, c), _mix(tail, c)
                end += 1
            head_end = self._head(text, &t, i, end, whole, tail, out)
            i = head_end if head_end > end else end
        return out

    cdef Py_ssize_t _head(self, str text, Text *t, Py_ssize_t start, Py_ssize_t end,
                          uint64_t whole, uint64_t tail, list out) except -2:
        """End of the head at word ``text[start:end]`` (appended to ``out``), or -1."""
        cdef Py_ssize_t found
        # [وف]? before a leader is greedy: with the clitic first
        if end - start > 1 and _clitic(_at(t, start)) and self.leader_filter[_slot(tail)]:
            found = self._leader(text, t, start, start + 1, end, tail, out)
            if found >= 0:
                return found
        if self.leader_filter[_slot(whole)]:
            found = self._leader(text, t, start, start, end, whole, out)
            if found >= 0:
                return found
        if self.opener_filter[_slot(whole)]:
            forms = self.openers.get(t, start, end, whole)
            if forms is not None:
                out += (start, forms)
                return end
        found = _glued_end(t, start, end)
        if found > 0:
            forms = self.openers.get_range(t, start, found)
            if forms is not None:
                out += (start, forms)
                return found
        found = _digit_head_end(t, start)
        if found >= 0:
            out += (start, self._number_forms(t, found))
        return found

    cdef object _number_forms(self, Text *t, Py_ssize_t end):
        """The forms a number head ending at ``end`` can start, by the length of its number: it starts at
        the head's last character, a digit (ب15), or after the ال that ends the head and maybe a space."""
        cdef Py_ssize_t p = end - 1, n = 0
        if not _is(_at(t, p), DECIMAL):
            p = end if _is(_at(t, end), DECIMAL) else end + 1
        while p < t.n and _is(_at(t, p), DECIMAL):
            n += 1
            p += 1
        return self.number_forms[n if n < 5 else 5]

    cdef Py_ssize_t _leader(self, str text, Text *t, Py_ssize_t start, Py_ssize_t word_start, Py_ssize_t end,
                            uint64_t h, list out) except -2:
        """End of a leader at ``start`` whose first word is ``text[word_start:end]`` (hash ``h``) and that an
        opener follows, or -1."""
        cdef Py_ssize_t p, q, e
        cdef bint complete
        rests = self.leaders.get(t, word_start, end, h)
        if rests is None:
            return -1
        for rest in rests:
            p = end
            complete = True
            for word in rest:
                q = _spaces_end(t, p)
                e = _word_end(t, q)
                if q == p or not _same(t, q, e, <str>word):
                    complete = False
                    break
                p = e
            if complete and self._opener_after(text, t, start, p, out):
                return p
        return -1

    cdef bint _opener_after(self, str text, Text *t, Py_ssize_t start, Py_ssize_t p, list out) except -1:
        """Whether spaces, maybe a filler and spaces, then an opener follow the leader ``text[start:p]``."""
        cdef Py_ssize_t q = _spaces_end(t, p), e, r
        cdef uint64_t h
        if q == p:
            return False
        e = _word_end(t, q)
        h = _hash_at(t, q, e)
        if self.fillers.get(t, q, e, h) is not None:
            r = _spaces_end(t, e)
            if r > e:
                following = self._opener_forms(text, t, r)
                if following is not None:
                    out += (start, self._forms_of(t, start, p) | following | (self.forms_of.get(t, q, e, h) or 0))
                    return True
        following = self._opener_forms(text, t, q)
        if following is None:
            return False
        out += (start, self._forms_of(t, start, p) | following)
        return True

    cdef object _forms_of(self, Text *t, Py_ssize_t start, Py_ssize_t end):
        """``forms_of.get(text[start:end], 0)``."""
        forms = self.forms_of.get_range(t, start, end)
        return 0 if forms is None else forms

    cdef object _opener_forms(self, str text, Text *t, Py_ssize_t q):
        """The forms of the opener at ``q``, or None when none starts there."""
        cdef Py_ssize_t e = _word_end(t, q), g
        if e > q:
            forms = self.openers.get_range(t, q, e)
            if forms is not None:
                return forms
            g = _glued_end(t, q, e)
            if g > 0:
                forms = self.openers.get_range(t, q, g)
                if forms is not None:
                    return forms
        g = _digit_head_end(t, q)
        return self._number_forms(t, g) if g >= 0 else None


cdef inline Py_ssize_t _spaces_end(Text *t, Py_ssize_t p) noexcept:
    while p < t.n and _is(_at(t, p), SPACE):
        p += 1
    return p


cdef inline Py_ssize_t _word_end(Text *t, Py_ssize_t p) noexcept:
    while p < t.n and _is(_at(t, p), WORD):
        p += 1
    return p


cdef inline Py_ssize_t _glued_end(Text *t, Py_ssize_t q, Py_ssize_t e) noexcept:
    """Where the first digit after a letter is in the word ``q..e`` (أكتوبر2017: an opener with its year
    glued on), or -1: an opener is never followed by a letter, but may be by a digit."""
    cdef Py_ssize_t p
    for p in range(q + 1, e):
        if _is(_at(t, p), DECIMAL):
            return -1 if _is(_at(t, p - 1), DECIMAL) else p
    return -1


cdef inline Py_ssize_t _digit_head_end(Text *t, Py_ssize_t q) noexcept:
    """End of ``[وف]?ب?(?:ال(?=\\s?\\d)|\\d)`` at ``q``, or -1: tried as the regex backtracks, with the
    clitic first, and at each start with ب (the grammar's attached ب: ب15، بال8) first."""
    if q >= t.n:
        return -1
    cdef Py_UCS4 first = _at(t, q)
    if not (_clitic(first) or first == u"ب" or first == u"ا" or _is(first, DECIMAL)):
        return -1  # most words: none of the letters such a head starts with
    cdef Py_ssize_t p = q + 1 if q + 1 < t.n and _clitic(first) else q, found
    while True:
        if p + 1 < t.n and _at(t, p) == u"ب":
            found = _number_end(t, p + 1)
            if found >= 0:
                return found
        found = _number_end(t, p)
        if found >= 0:
            return found
        if p == q:
            return -1
        p = q


cdef inline Py_ssize_t _number_end(Text *t, Py_ssize_t p) noexcept:
    """End of ``ال(?=\\s?\\d)|\\d`` at ``p``, or -1."""
    cdef Py_ssize_t n = t.n
    if p + 2 < n and _at(t, p) == u"ا" and _at(t, p + 1) == u"ل" and (
            _is(_at(t, p + 2), DECIMAL)
            or p + 3 < n and _is(_at(t, p + 2), SPACE) and _is(_at(t, p + 3), DECIMAL)):
        return p + 2
    if p < n and _is(_at(t, p), DECIMAL):
        return p + 1
    return -1
