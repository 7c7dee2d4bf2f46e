"""The consolidated report: its model, templates, document, .docx writer and publishing."""
