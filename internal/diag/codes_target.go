package diag

// Target diagnostics (lowering and code generators), E5xxx. Never renumber or reuse a code.
const (
	// E5001: a checked construct that lowering or the target's generator cannot compile (an internal limitation, named in the message).
	ErrTargetUnsupported Code = "E5001"
	// E5002: a web-only construct (Html elements, className, id, attr, on, style) used in a view compiled for another target.
	ErrWebOnly Code = "E5002"
	// E5003: the app has no root view and no routes, so there is nothing to render.
	ErrNoRootView Code = "E5003"
)
