"""How much extraction keeps of one article, so that a table of numbers or generated text cannot make
one article cost minutes: the first this-many of each kind, in reading order. Real news articles stay
far below these (the seed article has 12 dates, 5 events and 7 figures)."""
MAX_DATES = 2000
MAX_EVENTS = 2000
MAX_FIGURES = 2000
