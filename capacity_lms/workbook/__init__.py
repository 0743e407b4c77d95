"""The association's project workbook in the project-engineering modules (training layer)."""
