// Checks that a file is JSON, and says in one line where it is not: `node bin/check-json.js cdktf.json`.
// The cdktf CLI parses cdktf.json before anything else and answers a syntax error with a minified stack trace
// that never names the file; Node's own JSON.parse message often gives no position at all.
"use strict";
const fs = require("fs");
const path = require("path");

function firstError(text) {
  let i = 0;
  const fail = (message) => { throw { at: i, message }; };
  const space = () => { while (i < text.length && " \t\n\r".includes(text[i])) i++; };
  const literal = (word) => { if (text.startsWith(word, i)) i += word.length; else fail("expected a value"); };
  const string = () => {
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("bad \\u escape"); i += 4; }
        else if (!'"\\/bfnrt'.includes(text[i] ?? "")) fail("bad escape in a string");
      } else if (text.charCodeAt(i) < 0x20) fail("a line break or control character inside a string");
      i++;
    }
    if (i >= text.length) fail("a string is not closed");
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail("expected a value");
    i += match[0].length;
  };
  const value = () => {
    space();
    const c = text[i];
    if (c === "{") return members("}", () => { if (text[i] !== '"') fail(i >= text.length ? "the file ends before '}'" : "expected a key in double quotes"); string(); space(); if (text[i] !== ":") fail("expected ':' after the key"); i++; value(); });
    if (c === "[") return members("]", value);
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    fail(i >= text.length ? "the file ends where a value should be" : "expected a value");
  };
  const members = (close, member) => {
    i++;
    space();
    if (text[i] === close) { i++; return; }
    for (;;) {
      space();
      member();
      space();
      if (text[i] === ",") {
        const comma = i++;
        space();
        if (text[i] === close) { i = comma; fail("a comma before '" + close + "' (JSON allows no trailing comma)"); }
        continue;
      }
      if (text[i] === close) { i++; return; }
      fail(i >= text.length ? "the file ends before '" + close + "'" : "expected ',' or '" + close + "'");
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail("more text after the end of the JSON value");
    return null;
  } catch (e) {
    if (e.at === undefined) throw e;
    const before = text.slice(0, e.at);
    const line = before.split("\n").length;
    const column = e.at - before.lastIndexOf("\n");
    return { line, column, message: e.message };
  }
}

const file = path.resolve(process.argv[2] || "cdktf.json");
let text;
try {
  text = fs.readFileSync(file, "utf8");
} catch (e) {
  console.error(`servicekit: ${file}: cannot be read (${e.code || e.message})`);
  process.exit(1);
}
const error = firstError(text.replace(/^\uFEFF/, ""));
if (error) {
  console.error(`servicekit: ${file}:${error.line}:${error.column}: not valid JSON: ${error.message}`);
  process.exit(1);
}
