"""Attendance from CSV files: a roster from another tool, or a video meeting's participants.

Both read the file whole and check it before writing anything. A file that cannot be read as
CSV (wrong encoding, no header, a mapped column missing, a row with more cells than the
header) is refused with a message naming the bad lines, and nothing is written. Otherwise each
row gets an outcome in the report: created, updated, unchanged, or refused and why. With
``all_or_nothing`` one refused row writes nothing (the report still shows what each row would
have done); without it the good rows are applied. Every write goes through
:class:`MarkAttendanceAction`, so the same file twice changes nothing the second time.
"""
