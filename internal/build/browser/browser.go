// Package browser starts the system's headless Chromium for jepsh test and
// the toolchain's browser tests. It never downloads a browser.
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// EnvVar names the environment variable that points at a Chromium binary.
const EnvVar = "JEPSH_CHROME"

// ErrNotFound means no Chromium was found.
var ErrNotFound = errors.New("no Chromium found: install it (Debian: apt-get install chromium) or set " + EnvVar + " to its path")

// Find returns the path of the Chromium to use: $JEPSH_CHROME, or the first
// of chromium, chromium-browser, google-chrome-stable, google-chrome on PATH.
func Find() (string, error) {
	if p := os.Getenv(EnvVar); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %v", EnvVar, p, err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// Start launches headless Chromium with a fresh profile and returns a
// context for its first tab; cancel closes the browser and removes the
// profile.
func Start(parent context.Context) (context.Context, context.CancelFunc, error) {
	exe, err := Find()
	if err != nil {
		return nil, nil, err
	}
	profile, err := os.MkdirTemp("", "jepsh-chromium-")
	if err != nil {
		return nil, nil, err
	}
	actx, acancel := chromedp.NewExecAllocator(parent,
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	ctx, cancel := chromedp.NewContext(actx)
	stop := func() {
		cancel()
		acancel()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil { // start the browser now, to report failures here
		stop()
		return nil, nil, fmt.Errorf("starting %s: %v", exe, err)
	}
	return ctx, stop, nil
}

// InitScript runs src in every document the tab loads, before the page's
// own scripts; it comes through the DevTools protocol, so the page's
// Content-Security-Policy does not block it.
func InitScript(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}
