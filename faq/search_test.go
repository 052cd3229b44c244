package faq

import (
	"strings"
	"testing"
)

// TestSearchFindsTheRightEntry checks that typical customer questions, typed the way
// customers type them, bring the right answer into the top results.
func TestSearchFindsTheRightEntry(t *testing.T) {
	s := mustDefault(t)
	cases := []struct {
		lang, query string
		want        string // entry id expected in the top 3
	}{
		{"ja", "お問い合わせ番号はどこで見られますか", "find_number"},
		{"ja", "追跡番号が見つからない", "find_number"},
		{"ja", "アプリで伝票番号を確認したい", "find_number_app"},
		{"ja", "パソコンでトラッキングIDを見る方法", "find_number_pc"},
		{"ja", "番号が表示されないんですが", "find_number_missing"},
		{"ja", "番号を入れても該当なしと出る", "not_tracking"},
		{"ja", "発送されたのに追跡情報が反映されない", "not_tracking_just_shipped"},
		{"ja", "ヤマトで調べても出てこない、佐川かも", "not_tracking_wrong_carrier"},
		{"ja", "全角で入力したらエラーになった", "not_tracking_typo"},
		{"ja", "荷物はいつ届きますか", "track_package"},
		{"ja", "ゆうパックの追跡", "track_japanpost"},
		{"ja", "クロネコの荷物を追跡したい", "track_yamato"},
		{"ja", "不在票が入っていたので再配達をお願いしたい", "redelivery"},
		{"ja", "佐川急便の再配達", "redelivery_sagawa"},
		{"ja", "郵便局の再配達を申し込みたい", "redelivery_japanpost"},
		{"ja", "商品を返品したい", "returns"},
		{"ja", "注文番号とお問い合わせ番号の違いは？", "order_vs_tracking"},
		{"ja", "認証番号って何ですか", "auth_code"},
		{"ja", "プライムの年会費について", "prime"},
		{"ja", "Kindle本の注文に追跡番号がない", "kindle"},
		{"ja", "Amazon Payの支払いについて", "amazon_pay"},
		{"ja", "カスタマーサービスの電話番号を教えて", "contact_support"},
		{"ja", "Amazonを名乗る怪しいSMSが来た", "phishing_sms"},
		{"ja", "偽サイトにパスワードを入力してしまった", "phishing_entered"},
		{"ja", "追跡可能率が95%を下回るとどうなる", "seller_rate_rule"},
		{"ja", "レポートにInvalidIdと表示される", "seller_invalid_id"},
		{"ja", "出荷通知は集荷から何時間以内", "seller_four_hours"},
		{"ja", "西濃運輸で送る大型商品は対象外？", "seller_exempt"},
		{"ja", "配達済みになっているのに届いていない", "missing_package"},
		{"ja", "商品が壊れていた", "missing_package_damaged"},
		{"ja", "コンビニのお支払い番号で追跡できない", "payment_number"},
		{"en", "where can I find my tracking number", "find_number"},
		{"en", "tracking number not found on the carrier site", "not_tracking"},
		{"en", "how do I arrange redelivery with Yamato", "redelivery_yamato"},
		{"en", "I want to return an item", "returns"},
		{"en", "what is the difference between order number and tracking number", "order_vs_tracking"},
		{"en", "suspicious text message about a missed delivery", "phishing_sms"},
		{"en", "what does InvalidId mean in my report", "seller_invalid_id"},
		{"en", "which carriers are supported for the valid tracking rate", "seller_carriers"},
		{"en", "my package says delivered but I didn't receive it", "missing_package"},
		{"en", "Kindle ebook has no tracking", "kindle"},
		{"en", "how do I contact customer service", "contact_support"},
		{"en", "2000 yen threshold for the tracking rate", "seller_threshold"},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.query, func(t *testing.T) {
			hits := s.Search(c.query, c.lang, 3)
			var got []string
			for _, h := range hits {
				got = append(got, h.Answer.ID)
				if h.Answer.ID == c.want {
					if h.Answer.Lang != c.lang {
						t.Errorf("hit in %s, want %s", h.Answer.Lang, c.lang)
					}
					return
				}
			}
			t.Errorf("Search(%q) top 3 = %v, want %s among them", c.query, got, c.want)
		})
	}
}

func TestSearchLimits(t *testing.T) {
	s := mustDefault(t)
	if got := s.Search("再配達", "ja", 2); len(got) != 2 {
		t.Errorf("Search(再配達, k=2) returned %d hits, want 2", len(got))
	}
	for _, q := range []string{"", "   ", "!!!"} {
		if got := s.Search(q, "ja", 3); len(got) != 0 {
			t.Errorf("Search(%q) = %d hits, want none", q, len(got))
		}
	}
	if got := s.Search("再配達", "ja", 0); got != nil {
		t.Errorf("Search(k=0) = %v, want nil", got)
	}
	hits := s.Search("再配達 ヤマト", "fr", 3)
	if len(hits) == 0 || hits[0].Answer.Lang != "ja" {
		t.Errorf("Search in an unknown language should search the Japanese answers, got %v", hits)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not sorted by score: %v", hits)
		}
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"再配達", "再配 配達"},
		{"ＡＭＡＺＯＮの荷物", "amazon の荷 荷物"},
		{"Where are my packages?", "where package"},
		{"追跡番号　１２３４", "追跡 跡番 番号 1234"},
	}
	for _, c := range cases {
		if got := strings.Join(tokenize(c.in), " "); got != c.want {
			t.Errorf("tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
