"""The lists of values officers' case work uses, shared by the data layer and the rules."""
