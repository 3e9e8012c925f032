"""The whole pipeline in one place: read -> clean -> split -> extract -> (store).

Each step lives in its own module, named for the step:
  read.py            bytes on disk -> decoded NFC text + front-matter metadata
  clean.py           text -> passages (body / caption / title), broken sentences joined,
                     image placeholders and markdown emphasis dropped, offsets kept
  split.py           passages -> sentences
  extract/figures.py sentences -> Fact records (numbers.py parses the numbers)
  extract/quotes.py  sentences -> Quote records with speakers
  store.py           records -> SQLite (migrations.py), full-text index
  search.py          query -> ranked records        check.py / verify.py: claims, quotes
  render.py          records -> table / JSON / JSONL / CSV
"""
