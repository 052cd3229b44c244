package phone

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedMenuPassesTheTreeCheck: every node reachable, every key leading somewhere,
// no dead ends, every prompt in Japanese and English, no URLs.
func TestEmbeddedMenuPassesTheTreeCheck(t *testing.T) {
	m, err := DefaultMenu()
	if err != nil {
		t.Fatalf("embedded menu: %v", err)
	}
	// The tree: these choices exist at the top.
	top := m.Nodes[m.Start]
	for key, want := range map[string]string{"1": "track_entry", "2": "redelivery", "3": "returns", "4": "services", "5": "seller", "0": m.Operator} {
		if o, ok := top.option(key); !ok || o.Go != want {
			t.Errorf("main menu key %s leads to %q, want %q", key, o.Go, want)
		}
	}
	if o, ok := top.option("9"); !ok || o.Do != DoSwitchLang {
		t.Errorf("main menu key 9 is %+v, want the English branch", o)
	}
	if o, ok := top.option("*"); !ok || o.Do != DoRepeat {
		t.Errorf("main menu key * is %+v, want repeat", o)
	}
}

// TestEveryNodeIsVisitedByACall drives calls until each node of the embedded menu has
// been spoken at least once: reachable in the tree check, and in practice.
func TestEveryNodeIsVisitedByACall(t *testing.T) {
	p := newTestPhone(t, &fakeDesk{})
	tree := p.Tree()
	visited := map[string]bool{}
	for _, keys := range []string{"1,443496171020#,1,1,", "2", "3", "4,1", "4,2", "4,3", "5", "0"} {
		st, turn := tree.Step(State{}, Event{Kind: EventStart})
		visited[st.Node] = true
		for _, line := range ParseKeys(keys) {
			if turn.Gather == nil {
				t.Fatalf("call %q ended before %q", keys, line)
			}
			k, _ := Collect(line, *turn.Gather)
			st, turn = tree.Step(st, Digits(k))
			visited[st.Node] = true
		}
	}
	for id := range tree.Menu().Nodes {
		if !visited[id] {
			t.Errorf("no scripted call reaches node %s", id)
		}
	}
}

func TestTreeCheckFindsBrokenMenus(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(m *Menu)
		want   string
	}{
		{"unreachable node", func(m *Menu) {
			m.Nodes["orphan"] = &Node{Type: NodeGoodbye, Title: Text{"ja": "孤立", "en": "Orphan"}, Prompt: Text{"ja": "さようなら。", "en": "Bye."}}
		}, "node orphan: unreachable"},
		{"key to a missing node", func(m *Menu) {
			m.Nodes["main"].Options = append(m.Nodes["main"].Options, Option{Key: "6", Go: "nowhere"})
		}, `key 6 leads to missing node "nowhere"`},
		{"key leading nowhere", func(m *Menu) {
			m.Nodes["main"].Options = append(m.Nodes["main"].Options, Option{Key: "6"})
		}, `node main key "6": leads nowhere`},
		{"unknown action", func(m *Menu) {
			m.Nodes["main"].Options = append(m.Nodes["main"].Options, Option{Key: "6", Do: "dance"})
		}, `unknown action "dance"`},
		{"key used twice", func(m *Menu) {
			m.Nodes["main"].Options = append(m.Nodes["main"].Options, Option{Key: "1", Go: "returns"})
		}, `node main key "1": used twice`},
		{"not a phone key", func(m *Menu) {
			m.Nodes["main"].Options = append(m.Nodes["main"].Options, Option{Key: "#", Go: "returns"})
		}, "not a phone key"},
		{"dead end", func(m *Menu) {
			m.Nodes["services"].Options = []Option{{Key: "1", Go: "loop"}}
			m.Nodes["loop"] = &Node{Type: NodeMenu, Title: Text{"ja": "輪", "en": "Loop"}, Prompt: Text{"ja": "1を押してください。", "en": "Press 1."},
				Options: []Option{{Key: "1", Go: "services"}, {Key: "*", Do: DoRepeat}}}
		}, "node loop: dead end"},
		{"prompt missing in English", func(m *Menu) {
			delete(m.Nodes["returns"].Prompt, "en")
		}, "node returns prompt: no en text"},
		{"message missing in Japanese", func(m *Menu) {
			delete(m.Messages["bad_number"], "ja")
		}, "message bad_number: no ja text"},
		{"URL read aloud", func(m *Menu) {
			m.Nodes["main"].Prompt["ja"] = "詳しくは https://www.amazon.co.jp をご覧ください。"
		}, "looks like a URL"},
		{"unknown placeholder", func(m *Menu) {
			m.Nodes["track_confirm"].Prompt["en"] = "You entered {numbr}."
		}, "unknown placeholder {numbr}"},
		{"answer without intent", func(m *Menu) {
			m.Nodes["returns"].Intent = ""
		}, "node returns: answer without intent"},
		{"entry without next", func(m *Menu) {
			m.Nodes["track_entry"].Next = ""
		}, "node track_entry: no next"},
		{"start missing", func(m *Menu) {
			m.Start = "lobby"
		}, `start: no node "lobby"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := DefaultMenu()
			if err != nil {
				t.Fatal(err)
			}
			tt.break_(m)
			err = m.Check()
			if !errors.Is(err, ErrMenu) {
				t.Fatalf("Check() = %v, want ErrMenu", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check() = %v\nwant a problem containing %q", err, tt.want)
			}
		})
	}
}

func TestParseMenuRejectsUnknownFields(t *testing.T) {
	b, err := os.ReadFile("menu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), "max_failures: 3", "max_failures: 3\nmax_failurs: 4", 1)
	if _, err := ParseMenu([]byte(bad)); !errors.Is(err, ErrMenu) || !strings.Contains(err.Error(), "max_failurs") {
		t.Errorf("ParseMenu with a misspelt field = %v, want ErrMenu naming it", err)
	}
}

// TestReloadFromDirectory: an override directory replaces the embedded menu on Reload; a
// broken file keeps the menu already loaded.
func TestReloadFromDirectory(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile("menu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, MenuFile), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(string(b))
	p, err := New(Config{MenuDir: dir, Answers: newTestAnswers()})
	if err != nil {
		t.Fatal(err)
	}
	greeting := menuText(t, "greeting", "ja")
	const changed = "お電話ありがとうございます。こちらは新しいご案内です。"
	write(strings.Replace(string(b), greeting, changed, 1))
	if got := simulate(t, p, caller, "", "-"); !strings.Contains(got, greeting) {
		t.Fatalf("before Reload the call said:\n%s", got)
	}
	if err := p.Reload(nil); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if got := simulate(t, p, caller, "", "-"); !strings.Contains(got, changed) {
		t.Errorf("after Reload the call said:\n%s", got)
	}
	write("start: nowhere\n")
	if err := p.Reload(nil); !errors.Is(err, ErrMenu) {
		t.Errorf("Reload of a broken menu = %v, want ErrMenu", err)
	}
	if got := simulate(t, p, caller, "", "-"); !strings.Contains(got, changed) {
		t.Errorf("a broken reload changed the menu in use:\n%s", got)
	}
}
