"""Rules for help from support workers: what each kind of consent allows, and when it is in force."""
