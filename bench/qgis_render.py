#!/usr/bin/python3
"""The QGIS yardstick of bench/render_bench.cpp.

Renders the communes and districts layers of a GeoPackage with QGIS's own
parallel map renderer (QgsMapRendererParallelJob), at the size, DPI, CRS and
extent the C++ bench uses, with comparable symbols (filled communes with a
thin grey outline, unfilled districts with a 0.6 mm dark outline,
antialiasing on, no labels), and prints one JSON line:
{"qgis": version, "threads": n, "median_ms": m, "frames_ms": [...]}.

Run with Debian's python3 (it has the qgis module) and QT_QPA_PLATFORM=offscreen:
  /usr/bin/python3 bench/qgis_render.py --gpkg x.gpkg --crs EPSG:9215 \
      --extent xmin,ymin,xmax,ymax --size 1920x1080 --dpi 96 --frames 20
"""
import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, QThreadPool  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gpkg", required=True)
    ap.add_argument("--crs", default="EPSG:9215")
    ap.add_argument("--extent", required=True, help="xmin,ymin,xmax,ymax in the CRS")
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--dpi", type=float, default=96.0)
    ap.add_argument("--frames", type=int, default=20)
    ap.add_argument("--save", default="", help="write the last frame to this PNG")
    args = ap.parse_args()

    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()

    communes = QgsVectorLayer(args.gpkg + "|layername=communes_2025", "communes", "ogr")
    districts = QgsVectorLayer(args.gpkg + "|layername=districts_2023", "districts", "ogr")
    for layer in (communes, districts):
        if not layer.isValid():
            print("cannot open layer " + layer.name() + " of " + args.gpkg, file=sys.stderr)
            return 2
    communes.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "245,238,215,255", "outline_color": "140,140,140,255",
        "outline_width": "0.26", "outline_width_unit": "MM"})))
    districts.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "style": "no", "outline_color": "60,60,60,255",
        "outline_width": "0.6", "outline_width_unit": "MM"})))

    w, h = (int(v) for v in args.size.lower().split("x"))
    xmin, ymin, xmax, ymax = (float(v) for v in args.extent.split(","))
    settings = QgsMapSettings()
    settings.setLayers([districts, communes])  # top first
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(args.crs))
    settings.setOutputSize(QSize(w, h))
    settings.setOutputDpi(args.dpi)
    settings.setExtent(QgsRectangle(xmin, ymin, xmax, ymax))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, False)

    def render():
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        return job.renderedImage()

    render()  # warm-up: opens the layers' data sources, builds caches
    times = []
    image = None
    for _ in range(args.frames):
        t0 = time.perf_counter()
        image = render()
        times.append((time.perf_counter() - t0) * 1000.0)
    if args.save and image is not None:
        image.save(args.save)
    print(json.dumps({
        "qgis": Qgis.QGIS_VERSION,
        "threads": QThreadPool.globalInstance().maxThreadCount(),
        "median_ms": statistics.median(times),
        "frames_ms": [round(t, 2) for t in times],
    }))
    sys.stdout.flush()
    # PyQGIS tends to crash while tearing down layers at exit; the figures
    # are out, so leave without the teardown.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
