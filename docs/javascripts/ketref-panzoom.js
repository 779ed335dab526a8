/* ketref: pan and zoom for the pathway diagrams (no library, no network).
 *
 * Each <div class="ketref-pathway" data-ketref-panzoom> holding an inline SVG gets a toolbar
 * (zoom in, zoom out, fit to the box, full size), dragging to move the diagram, and Ctrl or
 * Cmd with the mouse wheel (or a touchpad pinch) to zoom around the pointer. The diagram starts
 * at full size, or smaller if that shows more of it with its smallest label still READABLE px
 * high. A drag never follows the node link it started on; a click without dragging does.
 * Without JavaScript the box scrolls.
 */
(function () {
  "use strict";

  var MIN = 0.1;
  var MAX = 8;
  var READABLE = 13; /* px: the smallest label at the starting zoom */

  function smallestText(svg) {
    var texts = svg.querySelectorAll("text");
    var least = Infinity;
    for (var i = 0; i < texts.length; i++) {
      var ctm = texts[i].getScreenCTM();
      var size = parseFloat(texts[i].getAttribute("font-size") || "0");
      if (ctm && size > 0) {
        least = Math.min(least, size * Math.abs(ctm.a));
      }
    }
    return least;
  }

  function button(label, title, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ketref-pz-button";
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", function (event) {
      event.preventDefault();
      action();
    });
    return b;
  }

  function setup(box) {
    if (box.getAttribute("data-ketref-ready")) {
      return;
    }
    var svg = box.querySelector("svg");
    if (!svg) {
      return;
    }
    box.setAttribute("data-ketref-ready", "1");
    box.classList.add("ketref-panzoom");

    var stage = document.createElement("div");
    stage.className = "ketref-pz-stage";
    svg.parentNode.insertBefore(stage, svg);
    stage.appendChild(svg);
    svg.style.transformOrigin = "0 0";

    var natural = svg.getBoundingClientRect();
    var state = { x: 0, y: 0, s: 1 };

    function apply() {
      svg.style.transform = "translate(" + state.x + "px, " + state.y + "px) scale(" + state.s + ")";
    }

    function zoomAt(factor, cx, cy) {
      var s = Math.min(MAX, Math.max(MIN, state.s * factor));
      var f = s / state.s;
      state.x = cx - (cx - state.x) * f;
      state.y = cy - (cy - state.y) * f;
      state.s = s;
      apply();
    }

    function centre() {
      return [stage.clientWidth / 2, stage.clientHeight / 2];
    }

    function fit() {
      var s = Math.min(stage.clientWidth / natural.width, stage.clientHeight / natural.height, 1);
      state = { x: 0, y: 0, s: s };
      apply();
    }

    function full() {
      state = { x: 0, y: 0, s: 1 };
      apply();
    }

    var bar = document.createElement("div");
    bar.className = "ketref-pz-toolbar";
    bar.appendChild(button("+", "Zoom in", function () {
      var c = centre();
      zoomAt(1.25, c[0], c[1]);
    }));
    bar.appendChild(button("\u2212", "Zoom out", function () {
      var c = centre();
      zoomAt(0.8, c[0], c[1]);
    }));
    bar.appendChild(button("Fit", "Fit the whole diagram in the box", fit));
    bar.appendChild(button("1:1", "Full size", full));
    box.insertBefore(bar, stage);

    var least = smallestText(svg);
    var fitWidth = stage.clientWidth / natural.width;
    var start = isFinite(least) ? Math.min(1, Math.max(fitWidth, READABLE / least)) : 1;
    var height = Math.min(window.innerHeight * 0.8, natural.height * start + 8);
    stage.style.height = Math.max(height, 160) + "px";
    state.s = start;

    var drag = null;
    var moved = false;
    stage.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) {
        return;
      }
      drag = { x: event.clientX, y: event.clientY, sx: state.x, sy: state.y, id: event.pointerId };
      moved = false;
    });
    stage.addEventListener("pointermove", function (event) {
      if (!drag) {
        return;
      }
      var dx = event.clientX - drag.x;
      var dy = event.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) > 4) {
        moved = true;
        stage.setPointerCapture(drag.id);
        stage.classList.add("ketref-pz-dragging");
      }
      if (moved) {
        state.x = drag.sx + dx;
        state.y = drag.sy + dy;
        apply();
      }
    });
    function end() {
      drag = null;
      stage.classList.remove("ketref-pz-dragging");
    }
    stage.addEventListener("pointerup", end);
    stage.addEventListener("pointercancel", end);
    stage.addEventListener(
      "click",
      function (event) {
        if (moved) {
          event.preventDefault();
          event.stopPropagation();
          moved = false;
        }
      },
      true
    );
    stage.addEventListener(
      "wheel",
      function (event) {
        if (!event.ctrlKey && !event.metaKey) {
          return; /* a plain wheel scrolls the page */
        }
        event.preventDefault();
        var r = stage.getBoundingClientRect();
        zoomAt(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - r.left, event.clientY - r.top);
      },
      { passive: false }
    );
    box.tabIndex = 0;
    box.addEventListener("keydown", function (event) {
      var c = centre();
      var step = 40;
      var keys = {
        "+": function () { zoomAt(1.25, c[0], c[1]); },
        "=": function () { zoomAt(1.25, c[0], c[1]); },
        "-": function () { zoomAt(0.8, c[0], c[1]); },
        "0": full,
        ArrowLeft: function () { state.x += step; apply(); },
        ArrowRight: function () { state.x -= step; apply(); },
        ArrowUp: function () { state.y += step; apply(); },
        ArrowDown: function () { state.y -= step; apply(); }
      };
      if (keys[event.key] && event.target === box) {
        event.preventDefault();
        keys[event.key]();
      }
    });
    apply();
  }

  function all() {
    var boxes = document.querySelectorAll("[data-ketref-panzoom]");
    for (var i = 0; i < boxes.length; i++) {
      setup(boxes[i]);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(all); /* MkDocs Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", all);
  } else {
    all();
  }
})();
