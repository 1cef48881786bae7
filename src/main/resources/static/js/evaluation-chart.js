// The scores of each unit by indicator, stacked: one bar per county or station, one colour per indicator.
(function () {
    'use strict';

    function draw() {
        var element = document.getElementById('evaluation-chart');
        if (!element || typeof echarts === 'undefined') {
            return;
        }
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element);
        chart.setOption({
            tooltip: { trigger: 'axis', confine: true },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: data.units, inverse: true },
            series: data.series.map(function (s) {
                return { name: s.name, type: 'bar', stack: 'total', data: s.values.map(Number) };
            })
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
