package phone

import (
	"crypto/rand"
	"encoding/hex"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSimulatorInATerminal calls the tree from a real terminal: the simulator runs in a
// tmux pane, keys are typed with send-keys, and the screen is read with capture-pane.
func TestSimulatorInATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and starts tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is not installed (make deps installs it)")
	}
	bin := filepath.Join(t.TempDir(), "simcmd")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race") // same build flags as this test: the packages are cached
	}
	if out, err := exec.Command("go", append(args, "./internal/simcmd")...).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b := make([]byte, 6)
	rand.Read(b)
	sock := "toiawase-phone-test-" + hex.EncodeToString(b)
	tmux := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("tmux", append([]string{"-L", sock, "-f", "/dev/null", "-u"}, args...)...)
		cmd.Env = append(cmd.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	// The pane stays after the call ends so that the last screen can be read.
	tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "call",
		bin+" -faq=false; echo CALL-ENDED; sleep 60")
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })

	screen := func() string { return tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "call") }
	waitFor := func(want ...string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			s := screen()
			missing := ""
			for _, w := range want {
				if !strings.Contains(s, w) {
					missing = w
					break
				}
			}
			if missing == "" {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the screen never showed %q; it shows:\n%s", missing, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	press := func(keys string) {
		t.Helper()
		if keys != "" {
			tmux("send-keys", "-t", "call", "-l", keys)
		}
		tmux("send-keys", "-t", "call", "Enter")
	}

	waitFor("[ja-JP] "+menuText(t, "greeting", "ja"), "お荷物の追跡は1", "[en-US] For English, press 9.", "keys (1 key")
	press("1")
	waitFor("[ja-JP] "+menuText(t, "track_entry", "ja"), "up to 12 keys, # to finish")
	press("443496171021#")
	waitFor(menuText(t, "bad_number", "ja"))
	press("443496171020#")
	waitFor("入力された番号は、4 4 3 4、9 6 1 7、1 0 2 0です。")
	press("1")
	waitFor("ヤマト運輸は1、佐川急便は2、日本郵便は3を押してください。")
	press("3")
	waitFor("日本郵便のお問い合わせ番号、4 4 3 4、9 6 1 7、1 0 2 0についてご案内します。")
	press("") // silence after the answer: goodbye
	waitFor(menuText(t, "goodbye", "ja"), "(hang up)", "CALL-ENDED")
}
