"""Find every quantified pledge or delivery in a document's text: money and equipment counts, with the
sentence they stand in and what the words around them say (donor, status, scope, category, years).

One module per question a mention answers; each imports only from the modules listed before it here:
candidates (Sentence, Candidate) < search < sentences < donors < money < equipment < support < qualifier
< category < status < years < parts < dedupe < document (the order of the steps) < rows (the mentions table).
"""

from data_pipeline.extract.rows import extract_mentions

__all__ = ["extract_mentions"]
