package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/toiawase/toiawase/channels/phone"
)

// runPhone is `toiawase phone`: a call to the phone tree in this terminal. Keys are typed
// and sent with Enter; an empty line is silence. With --keys the call runs on a script:
// comma-separated key lines, an empty element is silence ("1,443496171020#,,0").
func runPhone(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("phone", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	keys := fs.String("keys", "", `scripted call: comma-separated key lines, empty = no input (e.g. "1,443496171020#,1")`)
	lang := fs.String("lang", "", "start the call in ja or en (default: the menu's language)")
	menuDir := fs.String("menu", env.Getenv("TOIAWASE_PHONE_MENU_DIR"), "directory with a menu.yaml overriding the embedded one (env TOIAWASE_PHONE_MENU_DIR)")
	faqDir := fs.String("faq", env.Getenv("TOIAWASE_FAQ_DIR"), "directory of FAQ files overriding the embedded ones (env TOIAWASE_FAQ_DIR)")
	from := fs.String("from", "", "the caller's number handed to an operator ticket")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *lang != "" && *lang != "ja" && *lang != "en" {
		return fmt.Errorf("%w: --lang must be ja or en", errUsage)
	}
	answers, err := loadFAQ(*faqDir)
	if err != nil {
		return err
	}
	// No desk in the terminal: asking for an operator says honestly that none is available.
	p, err := phone.New(phone.Config{MenuDir: *menuDir, Answers: answers})
	if err != nil {
		return err
	}
	sim := &phone.Simulator{Phone: p, Out: env.Stdout, From: *from, Lang: *lang}
	if *keys != "" {
		return sim.Script(ctx, phone.ParseKeys(*keys))
	}
	return sim.Interactive(ctx, env.Stdin)
}
