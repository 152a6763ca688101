//go:build !linux

package build

func swapDirs(tmp, dir string) error { return swapRename(tmp, dir) }
