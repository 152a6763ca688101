package diag

// Code ranges. Each phase owns a range and a file; codes are never renumbered
// or reused, and every code has a stable meaning documented next to it.
//
//	E1xxx  syntax (scanner, parser)         codes_syntax.go
//	E2xxx  names and types (checker)        codes_check.go
//	E3xxx  reactivity rules (checker)       codes_check.go
//	E4xxx  design tokens (tokens.yml)       codes_design.go
//	E5xxx  targets (web, compose, swiftui)  codes_target.go
//	E6xxx  layout pre-calculation, fonts    codes_layout.go
//	E9xxx  driver and I/O                   codes_driver.go
