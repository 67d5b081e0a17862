"""The team audit's exports: the de-identified CSV of the figures per case and the PDF summary for managers."""
