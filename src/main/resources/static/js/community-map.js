// Plots the stations and theme parks by longitude and latitude over Quanzhou's bounding box (no map tiles);
// a point opens its page.
(function () {
    'use strict';

    function draw() {
        var element = document.getElementById('community-map');
        if (!element || typeof echarts === 'undefined') {
            return;
        }
        var points = JSON.parse(element.getAttribute('data-points'));
        var bounds = JSON.parse(element.getAttribute('data-bounds')).map(Number);
        var labels = ['station', 'demonstration', 'park', 'detail'].map(function (k) {
            return element.getAttribute('data-label-' + k);
        });
        var kinds = [['station', labels[0], 'circle'], ['demonstration', labels[1], 'diamond'], ['park', labels[2], 'triangle']];
        var chart = echarts.init(element);
        chart.setOption({
            tooltip: { trigger: 'item', confine: true, formatter: function (p) {
                return p.data.name + '<br>' + (p.data.kind === 'park' ? '' : labels[3] + ' ') + p.data.detail;
            } },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'value', min: bounds[0], max: bounds[1], scale: true, name: '°E' },
            yAxis: { type: 'value', min: bounds[2], max: bounds[3], scale: true, name: '°N' },
            series: kinds.map(function (k) {
                return { name: k[1], type: 'scatter', symbol: k[2], symbolSize: 14, cursor: 'pointer',
                    data: points.filter(function (p) { return p.kind === k[0]; }).map(function (p) {
                        return { name: p.name, value: [Number(p.lon), Number(p.lat)], path: p.path, kind: p.kind,
                            detail: p.detail };
                    }) };
            })
        });
        chart.on('click', function (p) {
            if (p.data && p.data.path) {
                window.location.href = p.data.path;
            }
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    document.addEventListener('DOMContentLoaded', draw);
})();
