/// The page's own style and script. The script reads two JSON elements — `border-layers` (the
/// static layers and the fence's coverage at every completion date) and `border-incidents` (the
/// incidents as columns) — and draws them with Leaflet; nothing is fetched.
///
/// Contracts other checks read, on the map's element once drawn: `data-incidents-total` (rows
/// measured), `data-incidents-visible` (drawn at the current date), `data-fenced-km` (the fenced
/// length shown, 3 decimals), `data-date` (the date shown, or `all`), `data-render-ms` (from the
/// page's start to the first complete render, `performance.now()`).
enum MapScript {
    static let style = """
    html,body{margin:0;height:100%;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
    #map{position:absolute;top:0;bottom:0;left:0;right:0;background:#c6dbef}
    .border-panel{background:#fff;padding:6px 10px;border-radius:5px;box-shadow:0 1px 5px rgba(0,0,0,.4);max-width:340px}
    .border-panel h1{font-size:14px;margin:0 0 4px}
    .border-panel input[type=range]{width:100%}
    .border-legend i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px;border-radius:6px}
    .border-legend b{display:inline-block;width:16px;height:4px;margin-right:5px;vertical-align:3px}
    .border-caveat{color:#8c2d04;font-size:11px}
    .border-popup table{border-collapse:collapse}
    .border-popup td{padding:1px 6px 1px 0;vertical-align:top;max-width:260px;overflow-wrap:anywhere}
    .border-popup td:first-child{color:#555;white-space:nowrap}
    .border-label{background:transparent;border:0;box-shadow:none;font-size:11px;color:#252525;padding:0}
    .border-label:before{display:none}
    """

    static let script = #"""
    (function () {
      "use strict";
      var layers = JSON.parse(document.getElementById("border-layers").textContent);
      var data = JSON.parse(document.getElementById("border-incidents").textContent);
      var element = document.getElementById("map");
      var column = {};
      data.names.forEach(function (name, i) { column[name] = data.columns[i]; });
      // The popup: the computed columns first (the answers), then the row's own fields.
      var fieldNames = data.names.filter(function (name) { return name.charAt(0) !== "_"; });
      fieldNames = data.computed.concat(fieldNames.filter(function (name) { return data.computed.indexOf(name) < 0; }));
      var count = data.count;

      function dayOf(text) {
        var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
        return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : null;
      }
      function stateOn(day) {              // the coverage standing on a day (null: every segment)
        var s = 0;
        if (day === null) { return layers.states.length - 1; }
        while (s + 1 < layers.states.length && layers.states[s + 1].day <= day) { s += 1; }
        return s;
      }

      // Hash: date=YYYY-MM-DD|all, layers=a,b,c, view=lat,lon,zoom
      var hash = {};
      location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) { hash[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1)); }
      });
      var firstDate = hash.date || layers.initialDate || "all";
      var shownDay = firstDate !== "all" ? dayOf(firstDate) : null;
      var shownDate = shownDay === null ? "all" : firstDate;

      // Only where the base map has land outlines (elsewhere its sea colour would be wrong).
      var map = L.map(element, { preferCanvas: false, zoomSnap: 0.25, attributionControl: false, minZoom: 5,
                                 maxBounds: layers.extent, maxBoundsViscosity: 1 });
      var view = (hash.view || "").split(",").map(Number);
      if (view.length === 3 && view.every(isFinite)) { map.setView([view[0], view[1]], view[2]); }
      else { map.fitBounds(layers.bounds); }
      L.control.scale({ imperial: false }).addTo(map);
      L.control.attribution({ prefix: false }).addAttribution(layers.attribution).addTo(map);

      // Static layers.
      function styled(feature) {
        var p = feature.properties || {};
        return { color: p.stroke || "#333", weight: p["stroke-width"] || 1, opacity: p["stroke-opacity"] || 1,
                 fillColor: p.fill || "#999", fillOpacity: p["fill-opacity"] === undefined ? 0.3 : p["fill-opacity"] };
      }
      function popupOf(feature) {
        var p = feature.properties || {};
        var box = document.createElement("div");
        var title = document.createElement("b");
        title.textContent = p.title || p.name || "";
        box.appendChild(title);
        if (p.description) { var d = document.createElement("div"); d.textContent = p.description; box.appendChild(d); }
        return box;
      }
      function geojson(collection, options) {
        return L.geoJSON(collection, Object.assign({ style: styled, onEachFeature: function (f, layer) {
          layer.bindPopup(function () { return popupOf(f); });
        } }, options || {}));
      }
      var land = L.geoJSON(layers.land, { style: { color: "#bdbdbd", weight: 0.6, fillColor: "#f7f4ea", fillOpacity: 1 }, interactive: false });
      var overlays = {
        bands: geojson(layers.bands),
        region: geojson(layers.region),
        border: L.layerGroup(),
        gaps: L.layerGroup(),
        fence: L.layerGroup(),
        places: L.layerGroup(),
        crossings: L.layerGroup(),
        incidents: null,
        connectors: null
      };
      function point(collection, colour, radius, group) {
        L.geoJSON(collection, { pointToLayer: function (f, latlng) {
          var marker = L.circleMarker(latlng, { radius: radius, color: "#fff", weight: 1, fillColor: colour, fillOpacity: 1 });
          marker.bindTooltip(f.properties.name, { permanent: true, direction: "right", className: "border-label", offset: [4, 0] });
          return marker;
        }, onEachFeature: function (f, layer) { layer.bindPopup(function () { return popupOf(f); }); } }).addTo(group);
      }
      point(layers.places, "#4d4d4d", 3, overlays.places);
      point(layers.crossings, "#000000", 5, overlays.crossings);

      // The border coloured by the fence on the shown day, its gaps, and the segments standing then.
      function subline(from, to) {
        var km = layers.border.km, xy = layers.border.coords, out = [];
        function at(s) {
          var i = 1;
          while (i < km.length - 1 && km[i] < s) { i += 1; }
          var t = km[i] > km[i - 1] ? (s - km[i - 1]) / (km[i] - km[i - 1]) : 0;
          return [xy[i - 1][1] + t * (xy[i][1] - xy[i - 1][1]), xy[i - 1][0] + t * (xy[i][0] - xy[i - 1][0])];
        }
        out.push(at(from));
        for (var i = 0; i < km.length; i += 1) { if (km[i] > from && km[i] < to) { out.push([xy[i][1], xy[i][0]]); } }
        out.push(at(to));
        return out;
      }
      function drawFence(state) {
        overlays.border.clearLayers(); overlays.gaps.clearLayers(); overlays.fence.clearLayers();
        var covered = layers.states[state].covered, at = 0, total = layers.borderKm;
        function stretch(from, to, fenced) {
          var line = L.polyline(subline(from, to), { color: fenced ? layers.colours.fenced : layers.colours.unfenced, weight: 5 });
          line.bindPopup((fenced ? "fenced" : "unfenced") + " border, km " + from.toFixed(1) + "–" + to.toFixed(1));
          line.addTo(overlays.border);
          if (!fenced) {
            L.polyline(subline(from, to), { color: layers.colours.unfenced, weight: 7, opacity: 0.35 })
              .bindPopup("gap: " + (to - from).toFixed(1) + " km (km " + from.toFixed(1) + "–" + to.toFixed(1) + ")").addTo(overlays.gaps);
          }
        }
        covered.forEach(function (c) { if (c[0] > at) { stretch(at, c[0], false); } stretch(c[0], c[1], true); at = c[1]; });
        if (at < total) { stretch(at, total, false); }
        geojson({ type: "FeatureCollection", features: layers.fence.features.filter(function (f) {
          var day = f.properties.completed_day;
          return shownDay === null || (day !== null && day <= shownDay) || f.properties.status !== "built";
        }) }).addTo(overlays.fence);
      }

      // Incidents and connectors: one canvas for any number of rows.
      var lon = column._lon, lat = column._lat, day = column._day, side = column.side, casualties = column._casualties;
      var px = new Float64Array(count), py = new Float64Array(count), visible = new Uint8Array(count);
      var nx = new Float64Array(count), ny = new Float64Array(count);
      function project(lo, la, i, xs, ys) {
        var s = Math.sin(Math.max(-85.05, Math.min(85.05, la)) * Math.PI / 180);
        xs[i] = 256 * (lo + 180) / 360;
        ys[i] = 256 * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
      }
      for (var i = 0; i < count; i += 1) {
        project(lon[i], lat[i], i, px, py);
        project(column.nearest_lon[i], column.nearest_lat[i], i, nx, ny);
      }
      function radiusOf(i) { return Math.min(3 + 2 * Math.sqrt(casualties[i]), 16); }
      var CanvasLayer = L.Layer.extend({
        initialize: function (drawOne, pane) { this.drawOne = drawOne; this.paneName = pane; },
        onAdd: function (m) {
          this.canvas = L.DomUtil.create("canvas", "leaflet-layer");
          this.canvas.style.pointerEvents = "none";
          m.getPane(this.paneName).appendChild(this.canvas);
          m.on("moveend resize", this.redraw, this);
          m.on("zoomstart", this.hide, this);
          this.redraw();
        },
        onRemove: function (m) { L.DomUtil.remove(this.canvas); m.off("moveend resize", this.redraw, this); m.off("zoomstart", this.hide, this); },
        hide: function () { this.canvas.style.visibility = "hidden"; },
        redraw: function () {
          var m = this._map, size = m.getSize(), ratio = window.devicePixelRatio || 1;
          var topLeft = m.containerPointToLayerPoint([0, 0]);
          L.DomUtil.setPosition(this.canvas, topLeft);
          this.canvas.width = size.x * ratio; this.canvas.height = size.y * ratio;
          this.canvas.style.width = size.x + "px"; this.canvas.style.height = size.y + "px";
          this.canvas.style.visibility = "visible";
          var context = this.canvas.getContext("2d");
          context.setTransform(ratio, 0, 0, ratio, 0, 0);
          var scale = Math.pow(2, m.getZoom()), origin = m.project([0, 0]), zero = m.latLngToContainerPoint([0, 0]);
          var ox = zero.x - origin.x, oy = zero.y - origin.y;
          for (var i = 0; i < count; i += 1) {
            if (!visible[i]) { continue; }
            var x = px[i] * scale + ox, y = py[i] * scale + oy;
            if (x < -40 || y < -40 || x > size.x + 40 || y > size.y + 40) { continue; }
            this.drawOne(context, i, x, y, nx[i] * scale + ox, ny[i] * scale + oy);
          }
        }
      });
      map.createPane("incidents").style.zIndex = 450;
      overlays.connectors = new CanvasLayer(function (c, i, x, y, bx, by) {
        c.strokeStyle = layers.colours.connector; c.lineWidth = 1;
        c.beginPath(); c.moveTo(x, y); c.lineTo(bx, by); c.stroke();
      }, "incidents");
      overlays.incidents = new CanvasLayer(function (c, i, x, y) {
        c.fillStyle = layers.colours.side[side[i]] || layers.colours.side.other;
        c.globalAlpha = 0.75;
        c.beginPath(); c.arc(x, y, radiusOf(i), 0, 2 * Math.PI); c.fill();
        c.globalAlpha = 1; c.strokeStyle = "#000"; c.lineWidth = 0.6; c.stroke();
      }, "incidents");

      // Click: the nearest drawn incident under the pointer, its fields, and its uncertainty disc.
      var disc = L.layerGroup().addTo(map);
      function cell(value) {
        if (value === null || value === undefined) { return ""; }
        return typeof value === "object" ? JSON.stringify(value) : String(value);
      }
      map.on("click", function (e) {
        if (!map.hasLayer(overlays.incidents)) { return; }
        var scale = Math.pow(2, map.getZoom()), origin = map.project([0, 0]), zero = map.latLngToContainerPoint([0, 0]);
        var best = -1, bestDistance = Infinity;
        for (var i = 0; i < count; i += 1) {
          if (!visible[i]) { continue; }
          var dx = px[i] * scale + zero.x - origin.x - e.containerPoint.x, dy = py[i] * scale + zero.y - origin.y - e.containerPoint.y;
          var d = Math.sqrt(dx * dx + dy * dy);
          if (d <= radiusOf(i) + 3 && d < bestDistance) { best = i; bestDistance = d; }
        }
        if (best >= 0) { openIncident(best); }
      });
      var openRow = -1;
      function openIncident(best) {
        var box = document.createElement("div"), table = document.createElement("table");
        box.className = "border-popup";
        var label = ["id", "event_id_cnty", "eventid", "feature_id"].filter(function (name) { return column[name]; })[0];
        var heading = document.createElement("b");
        heading.textContent = label ? cell(column[label][best]) : "row " + (best + 1);
        box.appendChild(heading);
        fieldNames.forEach(function (name) {
          var row = table.insertRow(), key = row.insertCell(), value = row.insertCell();
          key.textContent = name; value.textContent = cell(column[name][best]);
        });
        box.appendChild(table);
        disc.clearLayers();
        var radius = column._radius_km[best];
        if (radius > 0) {
          L.circle([lat[best], lon[best]], { radius: radius * 1000, color: layers.colours.side[side[best]] || "#525252",
                                             weight: 1, fillOpacity: 0.08, interactive: false }).addTo(disc);
        }
        L.popup({ maxWidth: 420, maxHeight: 360 }).setLatLng([lat[best], lon[best]]).setContent(box).openOn(map);
        openRow = best;
        writeHash();
      }
      map.on("popupclose", function () { disc.clearLayers(); openRow = -1; writeHash(); });

      // The date: a slider over every completion date of the fence, then "all".
      var panel = L.control({ position: "topright" });
      var slider, dateLabel, figure;
      panel.onAdd = function () {
        var box = L.DomUtil.create("div", "border-panel");
        var title = document.createElement("h1"); title.textContent = layers.title; box.appendChild(title);
        dateLabel = document.createElement("div"); box.appendChild(dateLabel);
        slider = document.createElement("input"); slider.type = "range"; slider.min = 0; slider.max = layers.stops.length;
        slider.step = 1; box.appendChild(slider);
        figure = document.createElement("div"); box.appendChild(figure);
        var caveat = document.createElement("div"); caveat.className = "border-caveat"; caveat.textContent = layers.caveat; box.appendChild(caveat);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        slider.addEventListener("input", function () {
          var index = Number(slider.value);
          shownDate = index >= layers.stops.length ? "all" : layers.stops[index];
          shownDay = shownDate === "all" ? null : dayOf(shownDate);
          show();
        });
        return box;
      };
      panel.addTo(map);

      var legend = L.control({ position: "bottomright" });
      legend.onAdd = function () {
        var box = L.DomUtil.create("div", "border-panel border-legend");
        var items = [["b", layers.colours.fenced, "fenced border (on the date shown)"], ["b", layers.colours.unfenced, "unfenced border / gap"],
                     ["i", layers.colours.side.PK, "incident, Pakistan side"], ["i", layers.colours.side.IR, "incident, Iran side"],
                     ["i", layers.colours.side.other, "incident, elsewhere"], ["i", "#000000", "official crossing"]];
        items.forEach(function (item) {
          var line = document.createElement("div"), swatch = document.createElement(item[0]);
          swatch.style.background = item[1]; line.appendChild(swatch); line.appendChild(document.createTextNode(item[2])); box.appendChild(line);
        });
        var note = document.createElement("div"); note.textContent = "circle area ∝ killed + injured; click for the row and its uncertainty disc";
        box.appendChild(note);
        return box;
      };
      legend.addTo(map);

      var order = ["bands", "region", "border", "gaps", "fence", "connectors", "places", "crossings", "incidents"];
      var names = { bands: "distance bands", region: "Makran region", border: "border by fence status", gaps: "gaps",
                    fence: "fence segments", connectors: "connectors", places: "places", crossings: "crossings", incidents: "incidents" };
      var shownLayers = hash.layers !== undefined ? hash.layers.split(",") : order.filter(function (k) { return k !== "connectors"; });
      land.addTo(map);
      var control = L.control.layers(null, null, { collapsed: true, position: "topleft" });
      order.forEach(function (key) {
        control.addOverlay(overlays[key], names[key]);
        if (shownLayers.indexOf(key) >= 0) { overlays[key].addTo(map); }
      });
      control.addTo(map);

      function writeHash() {
        var on = order.filter(function (k) { return map.hasLayer(overlays[k]); });
        var c = map.getCenter();
        var text = "#date=" + shownDate + "&layers=" + on.join(",") + "&view=" + c.lat.toFixed(4) + "," + c.lng.toFixed(4) + "," + map.getZoom()
          + (openRow >= 0 ? "&incident=" + (openRow + 1) : "");
        if (location.hash !== text) { history.replaceState(null, "", text); }
      }
      map.on("moveend overlayadd overlayremove", writeHash);

      function show() {
        var state = stateOn(shownDay), shown = 0;
        for (var i = 0; i < count; i += 1) {
          visible[i] = shownDay === null || (day[i] > 0 && day[i] <= shownDay) ? 1 : 0;
          shown += visible[i];
        }
        drawFence(state);
        overlays.incidents.redraw && map.hasLayer(overlays.incidents) && overlays.incidents.redraw();
        overlays.connectors.redraw && map.hasLayer(overlays.connectors) && overlays.connectors.redraw();
        var km = layers.states[state].coveredKm;
        var stop = layers.stops.indexOf(shownDate);
        slider.value = shownDay === null ? layers.stops.length : (stop >= 0 ? stop : Math.max(0, state - 1));
        dateLabel.textContent = shownDay === null ? "All dates: every segment, every incident" : "As of " + shownDate;
        figure.textContent = "Fenced: " + km.toFixed(3) + " km of " + layers.borderKm.toFixed(3) + " km (" +
          (100 * km / layers.borderKm).toFixed(1) + " %) · incidents shown: " + shown + " of " + count;
        element.setAttribute("data-date", shownDate);
        element.setAttribute("data-fenced-km", km.toFixed(3));
        element.setAttribute("data-incidents-visible", String(shown));
        writeHash();
      }
      element.setAttribute("data-incidents-total", String(count));
      show();
      var asked = Number(hash.incident) - 1;             // incident=N: the N-th row measured, its popup open
      if (asked >= 0 && asked < count && visible[asked]) { openIncident(asked); }
      // From the navigation's start (performance.now()'s origin): parsing the page, Leaflet, the data, the first drawing.
      element.setAttribute("data-render-ms", performance.now().toFixed(0));
    })();
    """#
}
