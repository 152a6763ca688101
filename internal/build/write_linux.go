package build

import "golang.org/x/sys/unix"

// swapDirs exchanges tmp and dir in one atomic rename.
func swapDirs(tmp, dir string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	if err == unix.ENOSYS || err == unix.EINVAL {
		return swapRename(tmp, dir)
	}
	return err
}
