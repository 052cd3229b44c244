package tracking_test

import (
	"fmt"

	"github.com/toiawase/toiawase/tracking"
)

func ExampleExtract() {
	f := tracking.Extract("伝票番号は４４３４ー９６１７ー１０２０です。注文番号 250-7391856-7851426、電話 090-1234-5678")
	for _, m := range f.Tracking {
		fmt.Println(m.Raw, m.Number, m.Carriers, m.Valid)
	}
	for _, o := range f.Orders {
		fmt.Println("order", o.Number)
	}
	// Output:
	// ４４３４ー９６１７ー１０２０ 443496171020 [yamato sagawa japanpost] true
	// order 250-7391856-7851426
}

func ExampleCheck() {
	m, ok := tracking.Check("44349617IO2O")
	fmt.Println(ok, m.Number, m.Valid, m.Repaired)
	m, ok = tracking.Check("4434-9617-1021")
	fmt.Println(ok, m.Number, m.Valid, m.Carriers)
	// Output:
	// true 443496171020 true true
	// true 443496171021 false [yamato sagawa japanpost fedex]
}

func ExampleValidate() {
	fmt.Println(tracking.Validate("EG725089303JP"))
	fmt.Println(tracking.Validate("RB123456785XX")) // check digit fine, XX is no country
	// Output:
	// [japanpost]
	// []
}

func ExampleMask() {
	fmt.Println(tracking.Mask("443496171020"))
	// Output: ********1020
}
