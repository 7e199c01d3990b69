"""Cases (forløb): the case record, search, the course with consent, tovholder and service level."""
