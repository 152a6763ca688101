package uibench

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Event is one Chrome trace event (the JSON trace event format).
type Event struct {
	Name string  `json:"name"`
	Cat  string  `json:"cat"`
	Ph   string  `json:"ph"`
	Pid  int64   `json:"pid"`
	Tid  int64   `json:"tid"`
	Ts   float64 `json:"ts"`   // µs
	Dur  float64 `json:"dur"`  // µs, complete events
	TDur float64 `json:"tdur"` // µs of thread (CPU) time, when recorded
	Args struct {
		Name string `json:"name"` // thread_name metadata
		Data struct {
			Type string `json:"type"`
			URL  string `json:"url"`
		} `json:"data"`
	} `json:"args"`
}

func (e *Event) end() float64 { return e.Ts + e.Dur }

// ParseEvents decodes raw trace events, pairing B/E events into complete ones.
func ParseEvents(raw [][]byte) ([]Event, error) {
	evs := make([]Event, 0, len(raw))
	open := map[[2]int64][]int{} // pid,tid → stack of indexes of B events
	for _, r := range raw {
		var e Event
		if err := json.Unmarshal(r, &e); err != nil {
			return nil, fmt.Errorf("trace event: %v", err)
		}
		k := [2]int64{e.Pid, e.Tid}
		switch e.Ph {
		case "B":
			e.Ph = "X"
			evs = append(evs, e)
			open[k] = append(open[k], len(evs)-1)
			continue
		case "E":
			if s := open[k]; len(s) > 0 {
				b := &evs[s[len(s)-1]]
				b.Dur = e.Ts - b.Ts
				open[k] = s[:len(s)-1]
			}
			continue
		}
		evs = append(evs, e)
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts })
	return evs, nil
}

// Interaction is what a trace says about one click.
type Interaction struct {
	Duration float64 // ms from the click's EventDispatch to the end of the next frame's Commit
	Busy     float64 // ms of main-thread CPU time (top-level tasks) over the same span
}

// MeasureClick finds the first click EventDispatch and the frame that shows
// its result: the first Commit (or Paint, in a trace without Commit events)
// on the same renderer main thread that starts after the dispatch ends. An
// implementation that updates the DOM in the handler, in a microtask or in a
// requestAnimationFrame callback is inside that frame. It also sums the main
// thread's top-level task time in between, clipped to the span: thread (CPU)
// time where Chrome recorded it, wall time otherwise. Busy time is less
// sensitive than the duration to other processes competing for the CPU.
func MeasureClick(evs []Event) (Interaction, error) {
	var click *Event
	for i := range evs {
		e := &evs[i]
		if e.Name == "EventDispatch" && e.Ph == "X" && e.Args.Data.Type == "click" {
			click = e
			break
		}
	}
	if click == nil {
		return Interaction{}, fmt.Errorf("no click EventDispatch in the trace (%d events)", len(evs))
	}
	var frame *Event
	for _, name := range []string{"Commit", "Paint"} {
		for i := range evs {
			e := &evs[i]
			if e.Name == name && e.Ph == "X" && e.Pid == click.Pid && e.Tid == click.Tid && e.Ts >= click.end() {
				frame = e
				break
			}
		}
		if frame != nil {
			break
		}
	}
	if frame == nil {
		return Interaction{}, fmt.Errorf("no Commit or Paint after the click")
	}
	end := frame.end()
	return Interaction{
		Duration: (end - click.Ts) / 1000,
		Busy:     busy(evs, click.Pid, click.Tid, click.Ts, end) / 1000,
	}, nil
}

// busy sums top-level tasks of thread pid/tid from the start of the task
// containing from up to to, clipping tasks that straddle to.
func busy(evs []Event, pid, tid int64, from, to float64) float64 {
	start := from
	for i := range evs {
		e := &evs[i]
		if isTask(e, pid, tid) && e.Ts <= from && e.end() >= from {
			start = e.Ts
			break
		}
	}
	sum := 0.0
	for i := range evs {
		e := &evs[i]
		if !isTask(e, pid, tid) || e.Ts < start || e.Ts >= to || e.Dur <= 0 {
			continue
		}
		d := e.Dur
		if e.TDur > 0 {
			d = e.TDur
		}
		if e.end() > to {
			d *= (to - e.Ts) / e.Dur
		}
		sum += d
	}
	return sum
}

func isTask(e *Event, pid, tid int64) bool {
	return e.Pid == pid && e.Tid == tid && e.Ph == "X" && e.Name == "RunTask"
}

// ScriptTime is the wall time the renderer main threads spent compiling and
// evaluating scripts and modules (the union of those events, so nested
// compile events inside an evaluation count once), in ms.
func ScriptTime(evs []Event) float64 {
	main := map[[2]int64]bool{}
	for i := range evs {
		if e := &evs[i]; e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int64{e.Pid, e.Tid}] = true
		}
	}
	type span struct{ a, b float64 }
	var spans []span
	for i := range evs {
		e := &evs[i]
		if e.Ph != "X" || !main[[2]int64{e.Pid, e.Tid}] {
			continue
		}
		switch e.Name {
		case "EvaluateScript", "v8.evaluateModule", "v8.compile", "v8.compileModule", "CompileScript", "CompileModule", "v8.produceModuleCache", "FunctionCall":
			spans = append(spans, span{e.Ts, e.end()})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	total, curA, curB := 0.0, 0.0, -1.0
	for _, s := range spans {
		if s.a > curB {
			if curB > curA {
				total += curB - curA
			}
			curA, curB = s.a, s.b
		} else if s.b > curB {
			curB = s.b
		}
	}
	if curB > curA {
		total += curB - curA
	}
	return total / 1000
}
