package slack

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

// The manifest asks for exactly what the desk uses: the events it handles, the scopes
// those events and its Web API calls need, the one slash command, Socket Mode and
// interactivity.
func TestManifest(t *testing.T) {
	b, err := os.ReadFile("manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			AppHome struct {
				MessagesTab bool `yaml:"messages_tab_enabled"`
			} `yaml:"app_home"`
			SlashCommands []struct {
				Command string `yaml:"command"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				Bot []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	wantScopes := []string{"app_mentions:read", "channels:history", "chat:write", "commands", "groups:history", "im:history"}
	wantEvents := []string{"app_mention", "message.channels", "message.groups", "message.im"}
	got := slices.Sorted(slices.Values(m.OAuth.Scopes.Bot))
	if !slices.Equal(got, wantScopes) {
		t.Errorf("scopes %v, want %v", got, wantScopes)
	}
	if got := slices.Sorted(slices.Values(m.Settings.Events.Bot)); !slices.Equal(got, wantEvents) {
		t.Errorf("events %v, want %v", got, wantEvents)
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/toiawase" {
		t.Errorf("slash commands %+v, want /toiawase only", m.Features.SlashCommands)
	}
	if !m.Settings.SocketMode || !m.Settings.Interactivity.Enabled || !m.Features.AppHome.MessagesTab {
		t.Errorf("socket mode %v, interactivity %v, messages tab %v: want all on",
			m.Settings.SocketMode, m.Settings.Interactivity.Enabled, m.Features.AppHome.MessagesTab)
	}
}
