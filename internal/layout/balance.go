package layout

import "math"

// Balanced line breaking for flex-wrap: balance, as Chromium implements it:
// the greedy line count (raised to the minimum line count by lowering the
// break size), then the break points that minimise the sum over lines of the
// squared free space. Lengths are in layout units (1/64 px) so that ties are
// decided exactly as in Chromium.

type lu = int64

func toLU(v float32) lu { return lu(math.Round(float64(v) * 64)) }

// greedyLineCount is the number of lines greedy packing makes at size limit.
// sums[i] is the prefix sum of item sizes plus one gap per item.
func greedyLineCount(sums []lu, gap, limit lu) int {
	lines := 1
	var used lu // prefix sum at the end of the previous line
	count := 0  // items on the current line
	for i := range sums {
		length := sums[i] - used - gap
		if length > limit && count > 0 {
			lines++
			used = sums[i-1]
			count = 0
			length = sums[i] - used - gap
		}
		count++
		if length > limit {
			// A single item wider than the line: it stays alone.
			if i+1 < len(sums) {
				lines++
			}
			used = sums[i]
			count = 0
		}
	}
	return lines
}

func (t *Tree) balanceLines(items []item, c *flexContext, limitF float32) {
	n := len(items)
	gap := toLU(c.gap[c.m])
	// Scratch: prefix sums, DP scores and back pointers, carved from one
	// reusable buffer.
	need := 3 * n
	if cap(t.balanceBuf) < need {
		t.balanceBuf = make([]lu, need)
	}
	buf := t.balanceBuf[:need]
	sums, best, from := buf[:n], buf[n:2*n], buf[2*n:]
	var acc lu
	for i := range items {
		acc += max(toLU(items[i].hypoOuter[c.m]), 0) + gap
		sums[i] = acc
	}
	limit := lu(math.MaxInt64 / 4)
	if isDefinite(limitF) {
		limit = toLU(limitF)
	}
	minLines := min(max(c.minLines, 1), n)
	if greedyLineCount(sums, gap, limit) < minLines {
		// Lower the break size (bisection) until there are enough lines.
		lo, hi := lu(0), min(limit, sums[n-1]-gap)
		for lo < hi {
			mid := lo + (hi-lo)/2
			if greedyLineCount(sums, gap, mid) > minLines {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		limit = hi
		if greedyLineCount(sums, gap, limit) < minLines {
			// No break size gives enough lines (e.g. four equal items):
			// nudge items that end a line exactly onto the next line.
			var perfect []int
			var prev lu
			hasContent := false
			for i := range sums {
				size := sums[i] - prev - gap
				if size == limit {
					perfect = append(perfect, i)
				}
				if size > limit {
					if hasContent {
						prev = sums[i-1]
					} else {
						prev = sums[i]
					}
					hasContent = false
					continue
				}
				hasContent = true
			}
			for k := len(perfect) - 1; k >= 0; k-- {
				for i := perfect[k]; i < n; i++ {
					sums[i]++
				}
				if greedyLineCount(sums, gap, limit) >= minLines {
					break
				}
			}
		}
	}
	length := func(s, e int) lu {
		l := sums[e] - gap
		if s > 0 {
			l -= sums[s-1]
		}
		return l
	}
	first := 0 // earliest start whose line fits, for the current end
	for e := 0; e < n; e++ {
		for first < e && length(first, e) > limit {
			first++
		}
		bestScore, bestFrom := lu(math.MaxInt64), lu(-1)
		for s := first; s <= e; s++ {
			var score lu
			if l := length(s, e); l <= limit {
				score = (limit - l) * (limit - l)
				if score < 0 || limit-l > 1<<31 {
					score = math.MaxInt64 / 4 // an unbounded line: never preferred
				}
			}
			if s > 0 {
				score += best[s-1]
			}
			if score <= bestScore {
				bestScore, bestFrom = score, lu(s)
			}
		}
		best[e], from[e] = bestScore, bestFrom
		if first == e && length(first, e) > limit {
			first++
		}
	}
	// Walk the back pointers, then emit lines in order.
	base := len(t.lines)
	for e := n - 1; e >= 0; e = int(from[e]) - 1 {
		t.lines = append(t.lines, line{start: int(from[e]), end: e + 1})
	}
	ls := t.lines[base:]
	for i, j := 0, len(ls)-1; i < j; i, j = i+1, j-1 {
		ls[i], ls[j] = ls[j], ls[i]
	}
}
