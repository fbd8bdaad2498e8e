-- 0006_evidence_document.sql: an occurrence's evidence may be one of the
-- school's uploaded documents, besides a link and a note.

ALTER TABLE occurrence ADD COLUMN evidence_doc INTEGER REFERENCES document(id);
