package diag

// Design token (tokens.yml) diagnostics, E4xxx. Never renumber.
const (
	BadYAML          Code = "E4001" // tokens.yml is not well-formed YAML, or not a mapping at the top
	UnknownSection   Code = "E4002" // a top-level key is not a known token section
	BadColor         Code = "E4003" // a color token is not "#RGB", "#RRGGBB" or "#RRGGBBAA"
	BadNumber        Code = "E4004" // a spacing/radius/size token is not a non-negative number (optionally "px")
	BadFont          Code = "E4005" // a font token has an unknown key or a bad size/lineHeight/weight/family
	DuplicateToken   Code = "E4006" // the same token is defined twice (nested and flat forms)
	BadTokenName     Code = "E4007" // a token name is not an identifier (letters, digits, _; not starting with a digit)
	BadFontFile      Code = "E4008" // a fonts: entry is not a relative .ttf/.otf path (or weight → path mapping)
	BadTokenValue    Code = "E4009" // a token value has the wrong shape (a list, or a group where a value is expected)
	TokensFileUnread Code = "E4010" // tokens.yml exists but cannot be read
)
