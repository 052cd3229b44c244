// Package api is the HTTP JSON channel: POST /api/v1/messages sends one customer message
// (or quick reply) to the engine and answers with the engine's reply.
//
// Request:  {"session_id":"optional","text":"...","lang":"optional ja|en","action":"optional"}
// Response: 200 with the reply object of DESIGN.md ("type":"reply", text, intent, confidence,
// tracking, orders, quick_replies, links, handoff, lang, mode) plus "session_id". Without a
// session_id a new session starts; pass the returned id on the next request.
//
// Errors are {"error":{"code":"...","message":"..."}}:
//
//	400 bad_json       the body is not one JSON object of the form above
//	400 bad_lang       lang is neither "ja" nor "en"
//	400 empty          neither text nor action (message: the bot's polite text)
//	400 too_long       text over the engine's limit (message: the bot's polite text)
//	404 unknown_session session_id names no live session (expired or never existed): start
//	                   a new one by sending without session_id. The API does not start one
//	                   silently, so a client never mistakes a fresh conversation for its old one.
//	405 method_not_allowed anything but POST (Allow: POST)
//	413 too_large      body over 16 KiB
//	415 unsupported_media_type a Content-Type other than application/json
//	500 internal       anything else (details only in the log)
//
// Goroutines: none of its own; each request runs on the net/http server's goroutine and
// ends when the engine answers or the request's context is cancelled (client gone,
// server shutting down). The API cannot push: while an agent holds the conversation the
// reply's text is empty and "mode" says so.
package api
