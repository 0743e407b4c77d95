"""An association's project as data: logical framework, budget, timeline and partners."""
