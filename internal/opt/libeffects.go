package opt

import (
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/types"
)

// libEffects reports whether a library call has effects beyond its result.
func libEffects(l *ir.Lib) bool {
	switch l.ID {
	case types.FnPrint, types.TimerScheduled, types.TimerAfter, types.TimerInvalidate,
		types.HttpGet, types.HttpPost, types.HttpRequestCancel, types.StorageSet, types.StorageRemove,
		types.EventPreventDefault, types.IntRandom, types.DoubleRandom:
		return true
	}
	return false
}
