// Command simcmd is the phone simulator on its own, for the terminal test of package
// phone: the same Simulator as `toiawase phone`, without the rest of the binary to build.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/toiawase/toiawase/channels/phone"
	"github.com/toiawase/toiawase/faq"
)

func main() {
	lang := flag.String("lang", "", "start the call in ja or en")
	useFAQ := flag.Bool("faq", true, "speak the embedded FAQ answers")
	flag.Parse()
	cfg := phone.Config{}
	if *useFAQ {
		set, err := faq.Default()
		if err != nil {
			fmt.Fprintln(os.Stderr, "simcmd:", err)
			os.Exit(1)
		}
		cfg.Answers = set
	}
	p, err := phone.New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "simcmd:", err)
		os.Exit(1)
	}
	sim := &phone.Simulator{Phone: p, Out: os.Stdout, Lang: *lang}
	if err := sim.Interactive(context.Background(), os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "simcmd:", err)
		os.Exit(1)
	}
}
