package loadtest

import (
	"net/http"

	"github.com/gorilla/websocket"
)

// Echo is the bare gorilla/websocket echo server the chat is compared with: default
// upgrader settings, one goroutine per connection that writes back every frame.
func Echo() http.Handler {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		for {
			typ, b, err := c.ReadMessage()
			if err != nil {
				return
			}
			if err := c.WriteMessage(typ, b); err != nil {
				return
			}
		}
	})
}
