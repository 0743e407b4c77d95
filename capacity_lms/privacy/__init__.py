"""Personal data: the registry of what each model keeps of a person, export and erasure."""
