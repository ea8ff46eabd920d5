"""Reports: one Report model built from a recommendation, rendered in every format of `formats.FORMATS`."""
