// Showdown's HTML report: draws each chart from its JSON description (ui/ChartDescription.cpp) as SVG, with hover
// values (the window's own tooltip texts), legend entries that toggle a series and its helpers (CI whiskers), and
// tables sorted by clicking a header. No library, no request: everything this page needs is in the file.
(function () {
  'use strict';

  var FONT = '11px "DejaVu Sans", Verdana, sans-serif';
  var LINE = 14;  // px per line of axis text
  var measure = document.createElement('canvas').getContext('2d');
  var tip = document.getElementById('tip');

  // Category labels may hold several lines ("fanout-sleeps\npromises /\nasyncio"): a text is as wide as its widest line.
  function textWidth(text) {
    measure.font = FONT;
    return Math.max.apply(null, String(text).split('\n').map(function (line) { return measure.measureText(line).width; }));
  }

  function lineCount(text) {
    return String(text).split('\n').length;
  }

  // A label's lines as <tspan>s at x: the first moved by `firstDy` (as a one-line label's dy would move it), the
  // others a line below each other.
  function tspans(text, x, firstDy) {
    return String(text).split('\n').map(function (line, i) {
      return '<tspan x="' + x + '" dy="' + (i === 0 ? firstDy : LINE) + '">' + esc(line) + '</tspan>';
    }).join('');
  }

  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // Axis numbers as Qt's "%g" writes them: up to six significant digits, no trailing zeros.
  function number(v) {
    return String(Number(v.toPrecision(6)));
  }

  // A label shortened to `width` px, for the axis only (its <title> and the tooltips keep it whole).
  function fit(text, width) {
    text = String(text).replace(/\n/g, ' ');  // one line where it is shortened (a slanted label)
    if (textWidth(text) <= width) return text;
    var cut = text;
    while (cut.length > 1 && textWidth(cut + '…') > width) cut = cut.slice(0, -1);
    return cut + '…';
  }

  function scale(axis, from, to) {
    if (axis.kind === 'log') {
      var a = Math.log(axis.min), b = Math.log(axis.max);
      return function (v) { return v > 0 ? from + (Math.log(v) - a) / (b - a) * (to - from) : NaN; };
    }
    return function (v) { return from + (v - axis.min) / (axis.max - axis.min) * (to - from); };
  }

  // Where a value axis has its labels and grid lines: Qt's tick count on a linear axis, every power of the base on
  // a log axis (with the 2…9 multiples as minor lines on base 10), the category centres on a category axis.
  function ticks(axis) {
    var major = [], minor = [], i;
    if (axis.kind === 'category') {
      for (i = 0; i < axis.categories.length; ++i) major.push({ v: axis.positions[i], label: axis.categories[i] });
    } else if (axis.kind === 'log') {
      var base = axis.base || 10, lb = Math.log(base);
      var first = Math.ceil(Math.log(axis.min) / lb - 1e-9), last = Math.floor(Math.log(axis.max) / lb + 1e-9);
      for (var e = first - 1; e <= last; ++e) {
        var v = Math.pow(base, e);
        if (e >= first) major.push({ v: v, label: number(v) });
        if (base === 10 && axis.minorTicks > 0) {
          for (var m = 2; m <= 9; ++m) {
            if (v * m > axis.min && v * m < axis.max) minor.push(v * m);
          }
        }
      }
    } else {
      var n = Math.max(2, axis.ticks || 5);
      for (i = 0; i < n; ++i) {
        var t = axis.min + i * (axis.max - axis.min) / (n - 1);
        major.push({ v: t, label: number(t) });
      }
    }
    return { major: major, minor: minor };
  }

  function hiddenSeries(fig, s) {
    return fig.off[s.name] || (s.owner && fig.off[s.owner]) || s.visible === false;
  }

  // The axes a series uses: [x, y] from its attached axes' orientation.
  function seriesAxes(d, s) {
    var x = null, y = null;
    (s.axes || []).forEach(function (i) {
      var axis = d.axes[i];
      if (!axis) return;
      if (axis.orientation === 'x') x = axis; else y = axis;
    });
    return { x: x, y: y };
  }

  function dashArray(dash, width) {
    var w = Math.max(1, width || 1);
    if (dash === 'dash') return ' stroke-dasharray="' + 4 * w + ' ' + 2 * w + '"';
    if (dash === 'dot') return ' stroke-dasharray="' + w + ' ' + 2 * w + '"';
    if (dash === 'dashdot') return ' stroke-dasharray="' + 4 * w + ' ' + 2 * w + ' ' + w + ' ' + 2 * w + '"';
    return '';
  }

  function tipAttr(text) {
    return text ? ' data-tip="' + esc(text) + '"' : '';
  }

  function render(fig) {
    var d = fig.description;
    var width = Math.max(260, Math.floor(fig.clientWidth));
    fig.renderedWidth = width;
    var visible = d.axes.filter(function (a) { return a.visible; });
    var xAxis = visible.filter(function (a) { return a.orientation === 'x'; })[0];
    var yAxis = visible.filter(function (a) { return a.orientation === 'y'; })[0];
    if (!xAxis || !yAxis) throw new Error('chart "' + d.title + '" has no visible x or y axis');
    var xt = ticks(xAxis), yt = ticks(yAxis);

    // Margins from the labels they hold: y labels beside the plot (long category names get at most 45% of the width),
    // x labels below, slanted when the categories would not fit side by side.
    var yLabelWidth = 0;
    yt.major.forEach(function (t) { yLabelWidth = Math.max(yLabelWidth, textWidth(t.label)); });
    yLabelWidth = Math.min(yLabelWidth, width * 0.45);
    var left = Math.ceil(yLabelWidth) + 8 + (yAxis.title ? LINE + 6 : 0);
    var lastX = xt.major.length ? xt.major[xt.major.length - 1].label : '';
    var right = xAxis.kind === 'category' ? 14 : Math.max(14, Math.ceil(textWidth(lastX) / 2) + 4);  // room for the last x label
    var plotWidth = width - left - right;
    var slot = xAxis.kind === 'category' ? plotWidth / Math.max(1, xAxis.max - xAxis.min) : plotWidth / Math.max(1, xt.major.length);
    var widest = 0;
    xt.major.forEach(function (t) { widest = Math.max(widest, textWidth(t.label)); });
    // The paper's slant is for A4; a screen slants only when the names would not fit side by side.
    var slant = xAxis.kind === 'category' && widest > slot - 6;
    var xLabelCap = Math.min(220, width * 0.4);
    if (slant && xt.major.length) {
      // A label slanted at 60° reaches left of its category by half its width: room for the first one.
      var reach = Math.min(textWidth(xt.major[0].label), xLabelCap) / 2 - slot / 2 + 4;
      if (reach > left) { plotWidth -= reach - left; left = Math.ceil(reach); }
    }
    var xLines = 1;
    xt.major.forEach(function (t) { xLines = Math.max(xLines, lineCount(t.label)); });
    var xLabelHeight = slant ? Math.ceil(Math.min(widest, xLabelCap) * Math.sin(Math.PI / 3) + LINE) : LINE * xLines + 2;
    var top = 10;
    var bottom = 6 + xLabelHeight + (xAxis.title ? LINE + 8 : 0);
    var plotHeight = Math.max(160, d.height - 90);
    var height = top + plotHeight + bottom;
    var X = scale(xAxis, left, left + plotWidth), Y = scale(yAxis, top + plotHeight, top);
    var clip = 'clip-' + fig.id;
    var out = [];
    out.push('<svg viewBox="0 0 ' + width + ' ' + height + '" width="' + width + '" height="' + height + '" role="img" aria-label="' + esc(d.title) + '">');
    out.push('<defs><clipPath id="' + clip + '"><rect x="' + left + '" y="' + (top - 2) + '" width="' + plotWidth + '" height="' + (plotHeight + 4) + '"/></clipPath></defs>');

    // Grid, axes, tick labels and the unit titles.
    yt.minor.forEach(function (v) { var y = Y(v); out.push('<line class="minor" x1="' + left + '" x2="' + (left + plotWidth) + '" y1="' + y + '" y2="' + y + '"/>'); });
    xt.minor.forEach(function (v) { var x = X(v); out.push('<line class="minor" x1="' + x + '" x2="' + x + '" y1="' + top + '" y2="' + (top + plotHeight) + '"/>'); });
    yt.major.forEach(function (t) {
      var y = Y(t.v);
      if (yAxis.kind !== 'category') out.push('<line class="grid" x1="' + left + '" x2="' + (left + plotWidth) + '" y1="' + y + '" y2="' + y + '"/>');
      if (lineCount(t.label) > 1 && textWidth(t.label) <= yLabelWidth) {
        // The block of lines centred on the category: its first line half the others' height up.
        out.push('<text class="label" x="' + (left - 6) + '" y="' + (y - (lineCount(t.label) - 1) / 2 * LINE) + '" text-anchor="end">' +
                 tspans(t.label, left - 6, '0.35em') + '</text>');
      } else {
        out.push('<text class="label" x="' + (left - 6) + '" y="' + y + '" dy="0.35em" text-anchor="end"><title>' + esc(t.label) + '</title>' +
                 esc(fit(t.label, yLabelWidth)) + '</text>');
      }
    });
    xt.major.forEach(function (t) {
      var x = X(t.v);
      if (xAxis.kind !== 'category' && xAxis.grid !== false) out.push('<line class="grid" x1="' + x + '" x2="' + x + '" y1="' + top + '" y2="' + (top + plotHeight) + '"/>');
      var y = top + plotHeight + 6;
      if (slant) {
        out.push('<text class="label" transform="translate(' + x + ',' + (y + 4) + ') rotate(-60)" text-anchor="end" dy="0.35em"><title>' + esc(t.label) + '</title>' +
                 esc(fit(t.label, xLabelCap)) + '</text>');
      } else {
        out.push('<text class="label" x="' + x + '" y="' + y + '" text-anchor="middle">' + tspans(t.label, x, '0.8em') + '</text>');
      }
    });
    out.push('<line class="axis" x1="' + left + '" x2="' + (left + plotWidth) + '" y1="' + (top + plotHeight) + '" y2="' + (top + plotHeight) + '"/>');
    out.push('<line class="axis" x1="' + left + '" x2="' + left + '" y1="' + top + '" y2="' + (top + plotHeight) + '"/>');
    if (xAxis.title) out.push('<text class="title" x="' + (left + plotWidth / 2) + '" y="' + (height - 6) + '" text-anchor="middle">' + esc(xAxis.title) + '</text>');
    if (yAxis.title) {
      out.push('<text class="title" transform="translate(' + (LINE - 2) + ',' + (top + plotHeight / 2) + ') rotate(-90)" text-anchor="middle">' +
               esc(fit(yAxis.title, plotHeight)) + '</text>');
    }

    // The series, in the order the chart has them (bars under whiskers, lines under points).
    out.push('<g clip-path="url(#' + clip + ')">');
    var boxSeries = d.series.filter(function (s) { return s.type === 'boxes'; });
    d.series.forEach(function (s) {
      if (s.type !== 'bars' && hiddenSeries(fig, s)) return;
      var axes = seriesAxes(d, s);
      if (!axes.x || !axes.y) return;
      var sx = scale(axes.x, left, left + plotWidth), sy = scale(axes.y, top + plotHeight, top);
      if (s.type === 'bars') drawBars(out, fig, s, axes, sx, sy);
      else if (s.type === 'boxes') drawBoxes(out, s, boxSeries.indexOf(s), boxSeries.length, sx, sy);
      else if (s.type === 'line') drawLine(out, s, sx, sy);
      else if (s.type === 'scatter') drawScatter(out, s, sx, sy);
    });
    out.push('</g></svg>');
    fig.plot.innerHTML = out.join('');
  }

  // Where a value starts on a value axis: 0 on a linear one, its floor on a log one.
  function baseline(axis) {
    return axis.kind === 'log' ? axis.min : Math.max(axis.min, Math.min(axis.max, 0));
  }

  function drawBars(out, fig, s, axes, sx, sy) {
    var horizontal = !!s.horizontal;
    var value = horizontal ? axes.x : axes.y;
    var at = horizontal ? sy : sx, to = horizontal ? sx : sy;
    var count = s.sets.length, width = s.barWidth || 0.8;
    var stack = {};
    s.sets.forEach(function (set, index) {
      var off = fig.off[set.label];
      set.values.forEach(function (v, c) {
        if (v === null) return;
        var from = s.stacked ? (stack[c] || baseline(value)) : baseline(value);
        var end = s.stacked ? from + v : v;
        if (s.stacked) stack[c] = end;
        if (off || !(v > 0 || (value.kind !== 'log' && v < 0))) return;
        var lo = s.stacked ? c - width / 2 : c - width / 2 + index * width / count;
        var hi = s.stacked ? c + width / 2 : lo + width / count;
        var a = at(lo), b = at(hi), p = to(from), q = to(end);
        var box = horizontal ? [Math.min(p, q), Math.min(a, b), Math.abs(q - p), Math.abs(b - a)]
                             : [Math.min(a, b), Math.min(p, q), Math.abs(b - a), Math.abs(q - p)];
        out.push('<rect data-series="' + esc(set.label) + '" x="' + box[0] + '" y="' + box[1] + '" width="' + box[2] + '" height="' + Math.max(0.5, box[3]) +
                 '" fill="' + set.color + '" stroke="' + set.border + '"' + tipAttr(set.tips && set.tips[c]) + '/>');
      });
    });
  }

  function drawBoxes(out, s, index, count, sx, sy) {
    var width = s.boxWidth || 0.7;
    s.boxes.forEach(function (box, c) {
      var v = box.values;
      if (v.some(function (x) { return x === null; })) return;
      var empty = v[0] === v[4];  // no valid samples: the slot stays empty, as in the window
      var centre = c - width / 2 + (index + 0.5) * width / count;
      var half = (sx(c + width / count / 2) - sx(c)) * 0.8;
      var x = sx(centre);
      var attrs = ' data-series="' + esc(s.name) + '"' + tipAttr(box.tip);
      if (empty) {
        out.push('<rect class="hit" x="' + (x - half) + '" y="' + (sy(v[0]) - 6) + '" width="' + 2 * half + '" height="6"' + attrs + '/>');
        return;
      }
      var lo = sy(v[0]), q1 = sy(v[1]), med = sy(v[2]), q3 = sy(v[3]), hi = sy(v[4]);
      out.push('<g' + attrs + ' stroke="' + s.border + '" stroke-width="1.2">' +
               '<line x1="' + x + '" x2="' + x + '" y1="' + lo + '" y2="' + q1 + '"/><line x1="' + x + '" x2="' + x + '" y1="' + q3 + '" y2="' + hi + '"/>' +
               '<line x1="' + (x - half / 2) + '" x2="' + (x + half / 2) + '" y1="' + lo + '" y2="' + lo + '"/>' +
               '<line x1="' + (x - half / 2) + '" x2="' + (x + half / 2) + '" y1="' + hi + '" y2="' + hi + '"/>' +
               '<rect x="' + (x - half) + '" y="' + Math.min(q1, q3) + '" width="' + 2 * half + '" height="' + Math.max(1, Math.abs(q1 - q3)) + '" fill="' + s.color + '"/>' +
               '<line x1="' + (x - half) + '" x2="' + (x + half) + '" y1="' + med + '" y2="' + med + '" stroke-width="2"/></g>');
    });
  }

  function drawLine(out, s, sx, sy) {
    var path = '', pen = false;
    s.points.forEach(function (p) {
      var x = p[0] === null ? NaN : sx(p[0]), y = p[1] === null ? NaN : sy(p[1]);
      if (!isFinite(x) || !isFinite(y)) { pen = false; return; }
      path += (pen ? 'L' : 'M') + x.toFixed(2) + ',' + y.toFixed(2);
      pen = true;
    });
    if (path) {
      out.push('<path data-series="' + esc(s.owner || s.name) + '" d="' + path + '" fill="none" stroke="' + s.color + '" stroke-width="' + (s.width || 1) + '"' +
               dashArray(s.dash, s.width) + '/>');
    }
    if (s.markers) drawPoints(out, s, sx, sy, 3.5, s.color, s.color);
  }

  function drawScatter(out, s, sx, sy) {
    drawPoints(out, s, sx, sy, (s.size || 8) / 2, s.color, s.border);
  }

  // Visible markers, each under a wider transparent circle that carries its hover text, and point labels above them.
  function drawPoints(out, s, sx, sy, radius, fill, stroke) {
    var name = esc(s.owner || s.name);
    s.points.forEach(function (p, i) {
      var x = p[0] === null ? NaN : sx(p[0]), y = p[1] === null ? NaN : sy(p[1]);
      if (!isFinite(x) || !isFinite(y)) return;
      if (radius >= 1) out.push('<circle data-series="' + name + '" cx="' + x + '" cy="' + y + '" r="' + radius + '" fill="' + fill + '" stroke="' + stroke + '"/>');
      if (s.tips && s.tips[i]) out.push('<circle class="hit" data-series="' + name + '" cx="' + x + '" cy="' + y + '" r="' + Math.max(8, radius + 3) + '"' + tipAttr(s.tips[i]) + '/>');
      if (s.labels && s.labels[i]) out.push('<text class="label" x="' + x + '" y="' + (y - radius - 4) + '" text-anchor="middle" fill="' + (s.labelColor || '#222') + '">' + esc(s.labels[i]) + '</text>');
    });
  }

  // Legend entries as buttons: the bar sets and the series the chart names in its legend; helpers go with their owner.
  function legend(fig) {
    var d = fig.description, keys = [];
    if (d.legend && d.legend.visible === false) return '';
    d.series.forEach(function (s) {
      if (s.type === 'bars') {
        s.sets.forEach(function (set) { if (set.legend) keys.push({ name: set.label, color: set.color, kind: 'box' }); });
      } else if (s.legend && s.name) {
        keys.push({ name: s.name, color: s.color, kind: s.type === 'line' ? 'line' : 'box', dash: s.dash });
      }
    });
    return keys.map(function (k) {
      var swatch = k.kind === 'line' ? '<span class="swatch line' + (k.dash ? ' dash' : '') + '" style="border-top-color:' + k.color + '"></span>'
                                      : '<span class="swatch" style="background:' + k.color + '"></span>';
      return '<button type="button" data-key="' + esc(k.name) + '" aria-pressed="' + (fig.off[k.name] ? 'false' : 'true') + '" title="Show or hide ' +
             esc(k.name) + '">' + swatch + esc(k.name) + '</button>';
    }).join('');
  }

  function setUp(fig) {
    var data = fig.querySelector('script[type="application/json"]');
    fig.description = JSON.parse(data.textContent);
    fig.off = {};
    var caption = document.createElement('figcaption');
    caption.textContent = fig.description.title;
    fig.plot = document.createElement('div');
    fig.plot.className = 'plot';
    fig.keys = document.createElement('div');
    fig.keys.className = 'legend';
    fig.appendChild(caption);
    fig.appendChild(fig.plot);
    fig.appendChild(fig.keys);
    fig.keys.innerHTML = legend(fig);
    fig.keys.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-key]');
      if (!button) return;
      var key = button.getAttribute('data-key');
      fig.off[key] = !fig.off[key];
      button.setAttribute('aria-pressed', fig.off[key] ? 'false' : 'true');
      render(fig);
    });
    render(fig);
  }

  var figures = Array.prototype.slice.call(document.querySelectorAll('figure.chart'));
  figures.forEach(function (fig) {
    try {
      setUp(fig);
    } catch (error) {
      console.error('chart ' + fig.id + ': ' + error.message);
    }
  });

  // Charts follow the window's width (redrawn once the resizing settles).
  var pending = 0;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      figures.forEach(function (fig) {
        if (fig.description && Math.floor(fig.clientWidth) !== fig.renderedWidth) render(fig);
      });
    }, 100);
  });

  // Hover: the element's own text, beside the pointer and inside the window.
  function place(event) {
    var pad = 14, w = tip.offsetWidth, h = tip.offsetHeight;
    var x = event.clientX + pad, y = event.clientY + pad;
    if (x + w > window.innerWidth - 4) x = Math.max(4, event.clientX - pad - w);
    if (y + h > window.innerHeight - 4) y = Math.max(4, event.clientY - pad - h);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  document.addEventListener('mouseover', function (event) {
    var target = event.target.closest ? event.target.closest('[data-tip]') : null;
    if (!target) { tip.hidden = true; return; }
    tip.textContent = target.getAttribute('data-tip');
    tip.hidden = false;
    place(event);
  });
  document.addEventListener('mousemove', function (event) { if (!tip.hidden) place(event); });

  // Tables: a header click sorts by that column (numbers by their data-sort value, rows without one last), again to reverse.
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, column) {
      th.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.classList.contains('num');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[column];
          if (!cell) return null;
          if (numeric) return cell.hasAttribute('data-sort') ? parseFloat(cell.getAttribute('data-sort')) : null;
          return cell.textContent;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          var order = numeric ? x - y : x.localeCompare(y, undefined, { numeric: true });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
}());
