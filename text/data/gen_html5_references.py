#!/usr/bin/env python3
"""Writes the HTML5 character reference tables embedded into //text:html_entities.

Run once, from the repository root, whenever the tables need regenerating:

    python3 text/data/gen_html5_references.py

Source: Python's standard library, which ships the WHATWG HTML Standard's
tables: `html.entities.html5` (all 2,231 named character references, with and
without the trailing `;`) and `html._invalid_charrefs` (the numeric references
that the tokenizer replaces, e.g. &#150; -> U+2013 as in windows-1252).

Output (tab-separated, one reference per line, code points in hex):
    html5_named_references.tsv    name<TAB>code point[ code point]
    html5_numeric_overrides.tsv   number<TAB>code point
"""
import html
import html.entities
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    named = html.entities.html5
    with open(os.path.join(HERE, "html5_named_references.tsv"), "w") as f:
        for name in sorted(named):
            cps = " ".join("%04X" % ord(c) for c in named[name])
            f.write("%s\t%s\n" % (name, cps))
    overrides = html._invalid_charrefs  # pylint: disable=protected-access
    with open(os.path.join(HERE, "html5_numeric_overrides.tsv"), "w") as f:
        for number in sorted(overrides):
            # Only the C1 range differs from the code point itself; 0 and
            # CR are handled by the tokenizer's own rules.
            if 0x80 <= number <= 0x9F and ord(overrides[number]) != number:
                f.write("%02X\t%04X\n" % (number, ord(overrides[number])))
    print("wrote %d named references, %d numeric overrides" % (
        len(named), sum(1 for n in overrides
                        if 0x80 <= n <= 0x9F and ord(overrides[n]) != n)))


if __name__ == "__main__":
    main()
