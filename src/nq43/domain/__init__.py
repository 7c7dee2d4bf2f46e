"""The domain: records, periods, the vocabulary, findings and their message catalogue."""
