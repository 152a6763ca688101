package diag

// Layout pre-calculation and font diagnostics, E6xxx. Never renumber.
const (
	MissingGlyph   Code = "E6001" // a character of a pre-computed text is not in its font (the browser would substitute another font)
	BadFontData    Code = "E6002" // a font file is not TrueType/OpenType that the layout engine can measure (or lacks a needed table)
	UnknownFontID  Code = "E6003" // a text names a font that is not registered (no default font and no design-system font of that name)
	FontFileUnread Code = "E6004" // a font file named by the design system cannot be read
	ControlInText  Code = "E6005" // a pre-computed text contains a control character (newline, tab): it is not a single line of glyphs
)
