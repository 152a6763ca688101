package diag

// Driver and I/O diagnostics (jepsh build, jepsh dev), E9xxx. Never renumber or reuse a code.
const (
	// E9001: the app directory or one of its files cannot be read.
	ErrReadSource Code = "E9001"
	// E9002: the app directory holds no .jxl source files.
	ErrNoSources Code = "E9002"
	// E9003: the bundler rejected the generated code or the runtime; this is a
	// compiler bug, and the message names the generated module and line.
	ErrBundle Code = "E9003"
	// E9004: the output directory cannot be written or replaced.
	ErrWriteOutput Code = "E9004"
	// E9005: the generator produced no entry module (the app has nothing to run).
	ErrNoEntry Code = "E9005"
	// E9006: a source file is larger than the driver accepts.
	ErrSourceTooLarge Code = "E9006"
)
