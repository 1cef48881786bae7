// Draws the dashboard's charts with ECharts from the data in each chart's data-chart attribute. A bar or a
// slice with a link opens it (a county's bar opens that county's records).
(function () {
    'use strict';

    function option(data) {
        var legend = { top: 0, type: 'scroll' };
        var tooltip = { trigger: data.type === 'pie' ? 'item' : 'axis', confine: true };
        if (data.type === 'pie') {
            return {
                tooltip: tooltip,
                legend: legend,
                series: data.series.map(function (s) {
                    return { name: s.name, type: 'pie', radius: ['30%', '65%'], top: 30, data: s.data };
                })
            };
        }
        return {
            tooltip: tooltip,
            legend: legend,
            grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: data.categories.length > 8 ? 30 : 0 } },
            yAxis: data.unit === '%' ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
                : { type: 'value' },
            series: data.series.map(function (s) {
                // a missing value (null) leaves a gap rather than a zero
                var values = s.data.map(function (v) { return v === null ? null : Number(v); });
                return { name: s.name, type: data.type, data: values, connectNulls: false,
                    cursor: s.links ? 'pointer' : 'default' };
            })
        };
    }

    function draw(element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        chart.setOption(option(data));
        chart.on('click', function (params) {
            var series = data.series[params.seriesIndex];
            var link = series && series.links ? series.links[params.dataIndex] : null;
            if (link) {
                window.location.href = link;
            }
        });
        window.addEventListener('resize', function () { chart.resize(); });
        element.setAttribute('data-drawn', 'true');
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-chart]').forEach(draw);
    });
})();
