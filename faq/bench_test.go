package faq

import "testing"

func BenchmarkSearch(b *testing.B) {
	s := mustDefault(b)
	queries := []struct{ q, lang string }{
		{"配達済みになっているのに荷物が届いていません", "ja"},
		{"追跡番号を入れても該当なしと表示される", "ja"},
		{"my package says delivered but I didn't receive it", "en"},
		{"what does InvalidId mean in my report", "en"},
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := queries[i%len(queries)]
		if len(s.Search(q.q, q.lang, 3)) == 0 {
			b.Fatalf("no hit for %q", q.q)
		}
		i++
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
