"""What the interface says: numbers, money, dates, names and sentences in the
reader's language, made from the values ``transforms`` computes.

``transforms`` returns DataFrames and plain values; this layer turns them into
text (with ``i18n``) for the figures, components and pages above it.
"""
