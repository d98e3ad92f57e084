<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SatImpact</name>
    <message>
        <source>Smallest water body: {area:g} m2 (4 pixels; set MIN_AREA to change)</source>
        <translation>가장 작은 수체: {area:g} m2 (4픽셀, 바꾸려면 MIN_AREA 지정)</translation>
    </message>
    <message>
        <source>The scene's MNDWI splits at {probe_threshold:.3f} (Otsu), below 0: dark or turbid water. Using water_mndwi with that threshold (set MODEL or THRESHOLD to choose yourself).</source>
        <translation>이 영상의 MNDWI는 {probe_threshold:.3f}(Otsu)에서 나뉘며 0보다 낮습니다: 어둡거나 탁한 물입니다. 이 임계값으로 water_mndwi를 사용합니다 (직접 고르려면 MODEL 또는 THRESHOLD를 지정하세요).</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>모델: {0}</translation>
    </message>
    <message>
        <source>Bands: {0}</source>
        <translation>밴드: {0}</translation>
    </message>
    <message>
        <source>Model chosen from the bands: {model_card_name}</source>
        <translation>밴드 구성으로 고른 모델: {model_card_name}</translation>
    </message>
    <message>
        <source>8-bit imagery: only the sign-based index models are candidates</source>
        <translation>8비트 영상: 부호만 쓰는 지수 모델만 후보입니다</translation>
    </message>
    <message>
        <source>Computing the split-based automatic threshold (tiles with a bimodal histogram) ...</source>
        <translation>분할 기반 자동 임계값 계산 중 (히스토그램이 쌍봉형인 타일) ...</translation>
    </message>
    <message>
        <source>Computing Otsu's threshold on the scene's index histogram ...</source>
        <translation>영상의 지수 히스토그램으로 Otsu 임계값 계산 중 ...</translation>
    </message>
    <message>
        <source>Polygonising water bodies ...</source>
        <translation>수체를 폴리곤으로 변환 중 ...</translation>
    </message>
    <message>
        <source>Threshold {value:.6g} ({how}); water where {0} is {side} it</source>
        <translation>임계값 {value:.6g} ({how}); {0}이(가) 임계값 {side}인 곳을 수체로 판정</translation>
    </message>
    <message>
        <source>Water: {stats_water} of {stats_valid} valid pixels ({0:.2f} %), {stats_nodata} nodata pixels</source>
        <translation>수체: 유효 픽셀 {stats_valid}개 중 {stats_water}개 ({0:.2f} %), NoData 픽셀 {stats_nodata}개</translation>
    </message>
    <message>
        <source>above</source>
        <translation>초과</translation>
    </message>
    <message>
        <source>below</source>
        <translation>미만</translation>
    </message>
    <message>
        <source>{n} water bodies of at least {min_area_m2:g} m2, {0:.4f} km2 in all (areas computed in {calc_area_crs})</source>
        <translation>면적 {min_area_m2:g} m2 이상 수체 {n}개, 총 {0:.4f} km2 (면적 계산 좌표계: {calc_area_crs})</translation>
    </message>
    <message>
        <source>{0} converted to dB (10 log10) on the fly for {card_name}</source>
        <translation>{card_name}에 쓰도록 {0}을(를) 즉석에서 dB(10 log10)로 변환</translation>
    </message>
    <message>
        <source>{0}: no raster layer given</source>
        <translation>{0}: 래스터 레이어가 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' is not valid</source>
        <translation>{0}: 레이어 '{1}'이(가) 유효하지 않습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' comes from the '{2}' provider and is not a file; export it as a GeoTIFF first (Raster &gt; Conversion &gt; Translate)</source>
        <translation>{0}: 레이어 '{1}'은(는) '{2}' 제공자에서 온 것으로 파일이 아닙니다. 먼저 GeoTIFF로 내보내십시오(래스터 &gt; 변환 &gt; 변환)</translation>
    </message>
    <message>
        <source>{0}: the raster '{1}' ({2}) has no coordinate reference system; assign one (Raster &gt; Projections &gt; Assign Projection) and run again</source>
        <translation>{0}: 래스터 '{1}'({2})에 좌표계가 없습니다. 좌표계를 지정한 뒤(래스터 &gt; 투영 &gt; 투영 지정) 다시 실행하십시오</translation>
    </message>
    <message>
        <source>{0}: cannot cut '{1}' to the requested extent: {2}</source>
        <translation>{0}: '{1}'을(를) 요청한 범위로 자를 수 없습니다: {2}</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' has no coordinate reference system</source>
        <translation>{0}: 레이어 '{1}'에 좌표계가 없습니다</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a file ({2} provider), so it must be rendered at a ground resolution; set RESOLUTION (metres per pixel), the model card gives none</source>
        <translation>{0}: '{1}'은(는) 파일이 아니므로({2} 제공자) 지상 해상도로 렌더링해야 합니다. 모델 카드에 해상도가 없으니 RESOLUTION(픽셀당 미터)을 지정하십시오</translation>
    </message>
    <message>
        <source>{0}: rendering '{1}' over {2} at {3} m would make {4} x {5} px; set a smaller EXTENT or a coarser RESOLUTION</source>
        <translation>{0}: '{1}'을(를) {2} 범위에서 {3} m로 렌더링하면 {4} x {5} 픽셀이 됩니다. 더 작은 EXTENT나 더 거친 RESOLUTION을 지정하십시오</translation>
    </message>
    <message>
        <source>{0}: cannot read the layer '{1}' through a raster pipe</source>
        <translation>{0}: 레이어 '{1}'을(를) 래스터 파이프로 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: cancelled while rendering '{1}'</source>
        <translation>{0}: '{1}'을(를) 렌더링하는 중에 취소됨</translation>
    </message>
    <message>
        <source>{0}: rendering '{1}' failed (writer error {2})</source>
        <translation>{0}: '{1}' 렌더링 실패(쓰기 오류 {2})</translation>
    </message>
    <message>
        <source>cannot measure ground distances in {0} at {1}</source>
        <translation>{0}에서 {1} 위치의 지상 거리를 잴 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: the requested extent does not overlap the layer '{1}'</source>
        <translation>{0}: 요청한 범위가 레이어 '{1}'과(와) 겹치지 않습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' has {2} geometries; polygons are needed</source>
        <translation>{0}: 레이어 '{1}'의 도형은 {2}입니다. 폴리곤이 필요합니다</translation>
    </message>
    <message>
        <source>{0}: '{1}' does not end with an extension of its format ({2})</source>
        <translation>{0}: '{1}'의 확장자가 출력 형식의 확장자({2})가 아닙니다</translation>
    </message>
    <message>
        <source>{0} ({1}) is inside the shipped models folder; choose another folder</source>
        <translation>{0} ({1})은(는) 기본 제공 모델 폴더 안에 있습니다. 다른 폴더를 고르십시오</translation>
    </message>
    <message>
        <source>{0} ({1}) is the same file as the input {2} ({3}); writing it would destroy the input. Choose another output name</source>
        <translation>{0} ({1})은(는) 입력 {2} ({3})와(과) 같은 파일입니다. 쓰면 입력이 훼손됩니다. 다른 출력 이름을 고르십시오</translation>
    </message>
    <message>
        <source>{0} and {1} are the same file ({2}); give each output its own name</source>
        <translation>{0}와(과) {1}이(가) 같은 파일({2})입니다. 출력마다 다른 이름을 주십시오</translation>
    </message>
    <message>
        <source>{0}: the output path '{1}' contains '|'; choose a name without it</source>
        <translation>{0}: 출력 경로 '{1}'에 '|'가 있습니다. '|'가 없는 이름을 고르십시오</translation>
    </message>
    <message>
        <source>{0}: a time series needs at least two rasters</source>
        <translation>{0}: 시계열에는 래스터가 두 개 이상 필요합니다</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>사용자가 취소함</translation>
    </message>
    <message>
        <source>no water model fits this raster: optical water needs green and NIR (NDWI) or green and SWIR (MNDWI) bands, radar water needs Sentinel-1 VV and/or VH (a one-band radar scene without a band description: say which with BAND_MAP=VV=1 or BAND_MAP=VH=1). </source>
        <translation>이 래스터에 맞는 수체 모델이 없습니다: 광학 수체 탐지에는 녹색과 근적외선(NDWI) 또는 녹색과 단파적외선(MNDWI) 밴드가, 레이더 수체 탐지에는 Sentinel-1 VV 및/또는 VH가 필요합니다 (밴드 설명이 없는 단일 밴드 레이더 영상이라면 BAND_MAP=VV=1 또는 BAND_MAP=VH=1로 지정하세요). </translation>
    </message>
    <message>
        <source>no valid pixel to compute Otsu's threshold on</source>
        <translation>Otsu 임계값을 계산할 유효 픽셀이 없습니다</translation>
    </message>
    <message>
        <source>the index histogram has a single value: Otsu's threshold is undefined</source>
        <translation>지수 히스토그램에 값이 하나뿐이라 Otsu 임계값을 정할 수 없습니다</translation>
    </message>
    <message>
        <source>model '{card_name}': card extra 'water_if' must be 'above' or 'below', got '{side}'</source>
        <translation>모델 '{card_name}': 카드의 extra 'water_if'는 'above' 또는 'below'여야 하는데 '{side}'입니다</translation>
    </message>
    <message>
        <source>cancelled by the user; no output was written</source>
        <translation>사용자가 취소했습니다. 출력은 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>the index is constant ({lo:g}) over the whole scene: no threshold can split it into water and land</source>
        <translation>지수가 영상 전체에서 일정({lo:g})하여 어떤 임계값으로도 수체와 육지를 나눌 수 없습니다</translation>
    </message>
    <message>
        <source>the raster has no CRS: areas in m2 cannot be computed</source>
        <translation>래스터에 좌표계가 없어 면적(m2)을 계산할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write vector output '{path}': use a GeoPackage (.gpkg), shapefile (.shp) or GeoJSON file</source>
        <translation>벡터 출력 '{path}'을(를) 쓸 수 없습니다: GeoPackage(.gpkg), 셰이프파일(.shp) 또는 GeoJSON 파일을 사용하세요</translation>
    </message>
    <message>
        <source>{0}, and model '{card_name}' gives no fixed threshold to fall back on; set THRESHOLD</source>
        <translation>{0}. 모델 '{card_name}'에는 대신 쓸 고정 임계값도 없습니다. THRESHOLD를 지정하세요</translation>
    </message>
    <message>
        <source>model '{card_name}' is a '{card_task}' model, not a water model (task 'water')</source>
        <translation>모델 '{card_name}'은(는) 수체 모델(task 'water')이 아니라 '{card_task}' 모델입니다</translation>
    </message>
    <message>
        <source>model '{card_name}' must have one input and an index output to detect water</source>
        <translation>수체를 탐지하려면 모델 '{card_name}'에 입력 하나와 지수 출력이 있어야 합니다</translation>
    </message>
    <message>
        <source>MIN_AREA must be zero or positive, got {min_area_m2} m2</source>
        <translation>MIN_AREA는 0 이상이어야 하는데 {min_area_m2} m2입니다</translation>
    </message>
    <message>
        <source>{0}: the index has no valid pixel (all nodata)</source>
        <translation>{0}: 지수에 유효 픽셀이 없습니다 (모두 NoData)</translation>
    </message>
    <message>
        <source>model '{card_name}' gives no default threshold in its card; set THRESHOLD or AUTO_THRESHOLD</source>
        <translation>모델 '{card_name}'의 카드에 기본 임계값이 없습니다. THRESHOLD 또는 AUTO_THRESHOLD를 지정하세요</translation>
    </message>
    <message>
        <source>Green ratio - {0}</source>
        <translation>녹지 비율 - {0}</translation>
    </message>
    <message>
        <source>Vegetation ({0}) - {1}</source>
        <translation>식생 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water mask ({0}) - {1}</source>
        <translation>수체 마스크 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water index: {0} ({1}) - {2}</source>
        <translation>수체 지수: {0} ({1}) - {2}</translation>
    </message>
    <message>
        <source>Water bodies ({0}) - {1}</source>
        <translation>수체 폴리곤 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>수체</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>육지</translation>
    </message>
    <message>
        <source>vegetation</source>
        <translation>식생</translation>
    </message>
    <message>
        <source>SatImpact</source>
        <translation>SatImpact</translation>
    </message>
    <message>
        <source>Model manager...</source>
        <translation>모델 관리자...</translation>
    </message>
    <message>
        <source>About SatImpact...</source>
        <translation>SatImpact 정보...</translation>
    </message>
    <message>
        <source>SatImpact tools</source>
        <translation>SatImpact 도구</translation>
    </message>
    <message>
        <source>Install into my profile</source>
        <translation>내 프로필에 설치</translation>
    </message>
    <message>
        <source>SatImpact needs the Python package(s) {0}, which QGIS cannot import. The tools will not run until they are installed.</source>
        <translation>SatImpact에는 QGIS가 불러올 수 없는 Python 패키지 {0}이(가) 필요합니다. 설치하기 전까지 도구가 실행되지 않습니다.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Radar backscatter units</source>
        <translation>레이더 후방산란 단위</translation>
    </message>
    <message>
        <source>Output compression (auto: ZSTD for classes and masks, none for continuous values)</source>
        <translation>출력 압축 (auto: 클래스와 마스크는 ZSTD, 연속값은 압축 없음)</translation>
    </message>
    <message>
        <source>Automatic (band descriptions, else the values)</source>
        <translation>자동 (밴드 설명, 없으면 값으로 판단)</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <source>Linear power</source>
        <translation>선형 전력(linear power)</translation>
    </message>
    <message>
        <source>Extent to process (default: the whole layer; a file is cut to it, other layers rendered over it)</source>
        <translation>처리할 범위 (기본값: 레이어 전체; 파일은 이 범위로 잘라내고, 다른 레이어는 이 범위에 렌더링)</translation>
    </message>
    <message>
        <source>Otsu (radar: on the tiles with a bimodal histogram)</source>
        <translation>Otsu (레이더: 히스토그램이 쌍봉형인 타일에서)</translation>
    </message>
    <message>
        <source>Kittler-Illingworth minimum error (on the tiles with a bimodal histogram)</source>
        <translation>Kittler-Illingworth 최소 오차 (히스토그램이 쌍봉형인 타일에서)</translation>
    </message>
    <message>
        <source>Zone name field (for the report)</source>
        <translation>구역 이름 필드 (보고서용)</translation>
    </message>
    <message>
        <source>Minimum observed share of a zone (below: flagged, left out of the trend)</source>
        <translation>구역의 최소 관측 비율 (미만이면 표시하고 추세에서 제외)</translation>
    </message>
    <message>
        <source>Report (HTML)</source>
        <translation>보고서 (HTML)</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 파일 (*.html)</translation>
    </message>
    <message>
        <source>Threshold (empty: the model card's default)</source>
        <translation>임계값 (비우면 모델 카드 기본값)</translation>
    </message>
    <message>
        <source>Automatic threshold method</source>
        <translation>자동 임계값 방법</translation>
    </message>
    <message>
        <source>no value (NULL)</source>
        <translation>값 없음 (NULL)</translation>
    </message>
    <message>
        <source>any finite number</source>
        <translation>유한한 숫자</translation>
    </message>
    <message>
        <source>from {0} to {1}</source>
        <translation>{0}부터 {1}까지의 값</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>{0} 이상</translation>
    </message>
    <message>
        <source>at most {0}</source>
        <translation>{0} 이하</translation>
    </message>
    <message>
        <source>{0} ({1}) must be {2}, got {3}</source>
        <translation>{0} ({1})은(는) {2}이어야 합니다. 입력값: {3}</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a UTF-8 text file (it looks {2}); save it as UTF-8 text</source>
        <translation>{0}: '{1}'은(는) UTF-8 텍스트 파일이 아닙니다({2} 파일로 보임). UTF-8 텍스트로 저장하십시오</translation>
    </message>
    <message>
        <source>internal error in {0}: {1}: {2}. Please report it at {3} with the log of this run</source>
        <translation>{0}의 내부 오류: {1}: {2}. 이 실행의 로그와 함께 {3}에 보고해 주십시오</translation>
    </message>
    <message>
        <source>{0}: the file name '{1}' contains '|', which QGIS reads as the start of layer options; rename the file</source>
        <translation>{0}: 파일 이름 '{1}'에 '|'가 있습니다. QGIS는 이를 레이어 옵션의 시작으로 읽습니다. 파일 이름을 바꾸십시오</translation>
    </message>
    <message>
        <source>{0}: the file '{1}' is empty (0 bytes)</source>
        <translation>{0}: 파일 '{1}'이(가) 비어 있습니다(0 바이트)</translation>
    </message>
    <message>
        <source>the intermediate result for {0}</source>
        <translation>{0}의 중간 결과</translation>
    </message>
    <message>
        <source>not enough memory for this run ({0}); process a smaller extent or free memory</source>
        <translation>이 실행에 필요한 메모리가 부족합니다({0}). 더 작은 범위를 처리하거나 메모리를 확보하십시오</translation>
    </message>
    <message>
        <source>the input is nested too deeply to be read ({0})</source>
        <translation>입력의 중첩이 너무 깊어 읽을 수 없습니다({0})</translation>
    </message>
    <message>
        <source>a raster could not be read or written (damaged or truncated file?): {0}</source>
        <translation>래스터를 읽거나 쓸 수 없습니다(손상되었거나 잘린 파일?): {0}</translation>
    </message>
    <message>
        <source>file error: {0}</source>
        <translation>파일 오류: {0}</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a UTF-8 text file (byte {2}); save it as UTF-8 text</source>
        <translation>{0}: '{1}'은(는) UTF-8 텍스트 파일이 아닙니다(바이트 {2}). UTF-8 텍스트로 저장하십시오</translation>
    </message>
    <message>
        <source>the raster's extent or coordinate reference system cannot be processed ({0}: {1}); a raster crossing the antimeridian (180 degrees) or in an unusual CRS: reproject it to a projected CRS (e.g. its UTM zone) first</source>
        <translation>래스터의 범위 또는 좌표계를 처리할 수 없습니다({0}: {1}). 날짜변경선(180도)을 가로지르거나 흔치 않은 좌표계의 래스터입니다: 먼저 투영 좌표계(예: 해당 UTM 구역)로 재투영하십시오</translation>
    </message>
    <message>
        <source>Bands per date in multi-date files (0: one file per date; dates then from DATES)</source>
        <translation>여러 날짜 파일에서 날짜당 밴드 수 (0: 날짜마다 파일 하나; 그 밖에는 날짜를 DATES에서)</translation>
    </message>
    <message>
        <source>Rasters of one area on different dates</source>
        <translation>한 지역의 여러 날짜 래스터</translation>
    </message>
    <message>
        <source>Dates, one per input in input order (e.g. 1985,1990 or 2019-08-31; empty: from tags or names)</source>
        <translation>날짜, 입력 순서대로 입력마다 하나 (예: 1985,1990 또는 2019-08-31; 비우면 태그나 파일 이름에서)</translation>
    </message>
    <message>
        <source>Band mapping for every date (e.g. green=2,nir=4; empty: automatic)</source>
        <translation>모든 날짜에 적용할 밴드 매핑 (예: green=2,nir=4; 비우면 자동)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>일괄 처리</translation>
    </message>
    <message>
        <source>Batch run on a Dask cluster (many scenes, resumable)</source>
        <translation>Dask 클러스터에서 일괄 실행 (여러 장면, 이어서 실행 가능)</translation>
    </message>
    <message>
        <source>Runs one SatImpact tool over many rasters or pairs, on this machine or a Dask cluster.</source>
        <translation>SatImpact 도구 하나를 여러 래스터나 쌍에 이 컴퓨터 또는 Dask 클러스터에서 실행합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Runs one SatImpact tool over many inputs with Dask (dask.distributed): on this computer (a local cluster of one single-threaded worker process per core) or on a cluster whose scheduler address you give. Each input is one task that calls the same engine function as the tool's own algorithm, with the same parameters and the same error messages.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nothing lost, nothing done twice.&lt;/b&gt; OUTPUT_FOLDER gets manifest.json: per input, its parameters hash, status (done, failed with the error, pending), outputs, time and worker. Running the same batch again skips the inputs that are done and whose outputs are intact, and retries the rest. Output names carry the parameters hash, so changed parameters give new files. A failing input does not stop the batch; a worker that dies has its task run again elsewhere; cancel keeps the finished outputs. Files appear under their final names only when complete.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; TOOL: the tool. INPUTS: files (one per line or separated by ;), a folder, a folder with a pattern (&lt;code&gt;/data/scenes/*.tif&lt;/code&gt;), or for floodchange a CSV with columns before,after. PARAMETERS: the tool's parameters as JSON (&lt;code&gt;{"MODEL": "water_ndwi"}&lt;/code&gt;) or KEY=VALUE pairs (&lt;code&gt;MODEL=water_ndwi,THRESHOLD=0.1&lt;/code&gt;): MODEL, BAND_MAP, THRESHOLD, AUTO_THRESHOLD, CELL_SIZE, DAMAGE_THRESHOLD, MIN_VALID and so on, as the tool names them; POLYGONS=true, OUTPUT_MASK=true or OUTPUT_RASTER=true add those outputs. SCHEDULER: e.g. &lt;code&gt;tcp://10.0.0.5:8786&lt;/code&gt;; its workers need this plugin importable (PYTHONPATH=the folder that holds the satimpact plugin folder), onnxruntime, rasterio and distributed, and the input and output folders at the same paths. WORKERS: local workers (0: one per core). WINDOW_SIZE: with one large raster as INPUTS, cut it into windows of this many pixels (runmodel and waterdetection; the model's overlap is added) and merge them into one mosaic. OUTPUT_TABLE: a GeoPackage with one row per grid cell per input (green ratio, flood change, poverty grid) or per input (raster tools), with the input's date where known. A VRT (mosaic.vrt) is written over the raster outputs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:batch -- TOOL=waterdetection INPUTS='/data/scenes/*.tif' OUTPUT_FOLDER=/data/water OUTPUT_TABLE=/data/water.gpkg&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Without QGIS: &lt;code&gt;python -m satimpact.engine.batch --help&lt;/code&gt; (docs/batch.md).&lt;/p&gt;</source>
        <translation>&lt;p&gt;SatImpact 도구 하나를 Dask(dask.distributed)로 여러 입력에 실행합니다: 이 컴퓨터(코어마다 단일 스레드 작업자 프로세스 하나인 로컬 클러스터) 또는 스케줄러 주소를 지정한 클러스터에서. 입력 하나가 작업 하나이며, 도구 자체 알고리즘과 같은 엔진 함수를 같은 매개변수와 같은 오류 메시지로 호출합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;잃지 않고, 두 번 하지 않음.&lt;/b&gt; OUTPUT_FOLDER에 manifest.json이 생깁니다: 입력마다 매개변수 해시, 상태(done, 오류와 함께 failed, pending), 출력, 시간, 작업자. 같은 배치를 다시 실행하면 완료되어 출력이 온전한 입력은 건너뛰고 나머지를 다시 시도합니다. 출력 이름에 매개변수 해시가 들어가므로 매개변수가 바뀌면 새 파일이 생깁니다. 입력 하나가 실패해도 배치는 멈추지 않고, 죽은 작업자의 작업은 다른 곳에서 다시 실행되며, 취소해도 끝난 출력은 남습니다. 파일은 완성되었을 때에만 최종 이름으로 나타납니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;매개변수.&lt;/b&gt; TOOL: 도구. INPUTS: 파일(한 줄에 하나 또는 ;로 구분), 폴더, 패턴이 있는 폴더(&lt;code&gt;/data/scenes/*.tif&lt;/code&gt;), floodchange에는 before,after 열이 있는 CSV. PARAMETERS: 도구의 매개변수를 JSON(&lt;code&gt;{"MODEL": "water_ndwi"}&lt;/code&gt;) 또는 KEY=VALUE 쌍(&lt;code&gt;MODEL=water_ndwi,THRESHOLD=0.1&lt;/code&gt;)으로: MODEL, BAND_MAP, THRESHOLD, AUTO_THRESHOLD, CELL_SIZE, DAMAGE_THRESHOLD, MIN_VALID 등 도구가 부르는 이름 그대로; POLYGONS=true, OUTPUT_MASK=true, OUTPUT_RASTER=true는 해당 출력을 더합니다. SCHEDULER: 예 &lt;code&gt;tcp://10.0.0.5:8786&lt;/code&gt;; 그 작업자에는 이 플러그인을 가져올 수 있어야 하고(PYTHONPATH=satimpact 플러그인 폴더를 담은 폴더), onnxruntime, rasterio, distributed가 있어야 하며, 입력과 출력 폴더가 같은 경로에 있어야 합니다. WORKERS: 로컬 작업자 수(0: 코어마다 하나). WINDOW_SIZE: INPUTS가 큰 래스터 하나일 때 이 픽셀 크기의 창으로 잘라(runmodel과 waterdetection; 모델의 겹침이 더해짐) 하나의 모자이크로 합칩니다. OUTPUT_TABLE: 입력마다 격자 셀당 한 행(녹지 비율, 홍수 변화, 빈곤 격자) 또는 입력당 한 행(래스터 도구)과, 알 수 있으면 입력의 날짜를 담은 GeoPackage. 래스터 출력 위에 VRT(mosaic.vrt)를 씁니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:batch -- TOOL=waterdetection INPUTS='/data/scenes/*.tif' OUTPUT_FOLDER=/data/water OUTPUT_TABLE=/data/water.gpkg&lt;/code&gt;&lt;/p&gt;&lt;p&gt;QGIS 없이: &lt;code&gt;python -m satimpact.engine.batch --help&lt;/code&gt; (docs/batch.md).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>Inputs: files (one per line), a folder, folder/*.tif, or a CSV of before,after pairs</source>
        <translation>입력: 파일(한 줄에 하나), 폴더, 폴더/*.tif, 또는 before,after 쌍의 CSV</translation>
    </message>
    <message>
        <source>Tool parameters (JSON or KEY=VALUE,KEY=VALUE; empty: the tool's defaults)</source>
        <translation>도구 매개변수 (JSON 또는 KEY=VALUE,KEY=VALUE; 비우면 도구의 기본값)</translation>
    </message>
    <message>
        <source>Dask scheduler address (e.g. tcp://host:8786; empty: a local cluster)</source>
        <translation>Dask 스케줄러 주소 (예 tcp://host:8786; 비우면 로컬 클러스터)</translation>
    </message>
    <message>
        <source>Local workers (0: one per core)</source>
        <translation>로컬 작업자 수 (0: 코어마다 하나)</translation>
    </message>
    <message>
        <source>Split one large raster into windows of this many pixels (0: no split)</source>
        <translation>큰 래스터 하나를 이 픽셀 크기의 창으로 나누기 (0: 나누지 않음)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Combined table (GeoPackage)</source>
        <translation>통합 표 (GeoPackage)</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>매니페스트</translation>
    </message>
    <message>
        <source>Mosaic of the raster outputs (VRT)</source>
        <translation>래스터 출력의 모자이크 (VRT)</translation>
    </message>
    <message>
        <source>Items done</source>
        <translation>완료된 항목</translation>
    </message>
    <message>
        <source>Items failed</source>
        <translation>실패한 항목</translation>
    </message>
    <message>
        <source>Items pending (cancelled)</source>
        <translation>대기 중인 항목 (취소됨)</translation>
    </message>
    <message>
        <source>Water and debris</source>
        <translation>수체와 쓰레기</translation>
    </message>
    <message>
        <source>Floating debris detection (FDI, Sentinel-2)</source>
        <translation>부유 쓰레기 탐지 (FDI, Sentinel-2)</translation>
    </message>
    <message>
        <source>Floating Debris Index and candidate debris patches on water from a Sentinel-2 scene.</source>
        <translation>Sentinel-2 영상에서 부유 쓰레기 지수(FDI)와 수면 위 쓰레기 후보 구역을 구합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Computes the Floating Debris Index (FDI) of a Sentinel-2 scene and outlines candidate patches of floating matter (plastic litter, seaweed, wood, foam) on water.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; FDI = R&lt;sub&gt;B8&lt;/sub&gt; - (R&lt;sub&gt;B6&lt;/sub&gt; + (R&lt;sub&gt;B11&lt;/sub&gt; - R&lt;sub&gt;B6&lt;/sub&gt;) x 10 x (&amp;lambda;&lt;sub&gt;B8&lt;/sub&gt; - &amp;lambda;&lt;sub&gt;B4&lt;/sub&gt;) / (&amp;lambda;&lt;sub&gt;B11&lt;/sub&gt; - &amp;lambda;&lt;sub&gt;B4&lt;/sub&gt;)), with NDVI, after Biermann et al. (2020), Finding plastic patches in coastal waters using optical satellite data, Sci. Rep. 10, 5364. The central wavelengths are the sensor's own: model debris_fdi for Sentinel-2A, debris_fdi_s2b for Sentinel-2B, chosen from the product name (S2A_/S2B_ in the file name or tags) unless MODEL says. Water: the best water model the bands allow (satimpact:waterdetection's default, with its card's threshold); non-water gaps up to 2 px inside water (a 5x5 closing) count as water, since debris itself raises NIR; land never yields candidates. Cloud-like bright pixels are excluded: red (B4) reflectance &amp;gt;= 0.25, the level at which Sen2Cor's first cloud test gives full cloud probability. A pixel is a candidate where FDI &amp;gt; 0 and FDI is a robust outlier among the scene's cloud-free water pixels: (FDI - median) / (IQR / 1.349) &amp;gt; 3. The rules are in the model card.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; Sentinel-2 B4, B6, B8, B11 (and B2, B3 for the water mask), reflectance x 10000, L1C or L2A; matched by band name, band count (13 or 12 bands) or BAND_MAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; OUTPUT: FDI (float32 GeoTIFF). OUTPUT_CANDIDATES: patches with fdi (mean), fdi_max, ndvi (mean), score (robust z of the strongest pixel), pixels and area_m2. FLAGGED_SHARE: the share of water pixels flagged.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured.&lt;/b&gt; On the Sen1Floods11 chip Spain_7370579 (flood water, no known debris) 1.7 % of the cloud-free water pixels are flagged. Candidates are leads to check, not detections of plastic: ships, wakes, foam, algae and cloud edges also raise FDI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:debrisdetection -- INPUT=S2B_scene.tif OUTPUT=fdi.tif OUTPUT_CANDIDATES=debris.gpkg&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sentinel-2 영상의 부유 쓰레기 지수(FDI)를 계산하고, 수면 위 부유물(플라스틱 쓰레기, 해조류, 목재, 거품)의 후보 구역을 구합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; FDI = R&lt;sub&gt;B8&lt;/sub&gt; - (R&lt;sub&gt;B6&lt;/sub&gt; + (R&lt;sub&gt;B11&lt;/sub&gt; - R&lt;sub&gt;B6&lt;/sub&gt;) x 10 x (&amp;lambda;&lt;sub&gt;B8&lt;/sub&gt; - &amp;lambda;&lt;sub&gt;B4&lt;/sub&gt;) / (&amp;lambda;&lt;sub&gt;B11&lt;/sub&gt; - &amp;lambda;&lt;sub&gt;B4&lt;/sub&gt;))이며 NDVI를 함께 사용합니다. Biermann et al. (2020), Finding plastic patches in coastal waters using optical satellite data, Sci. Rep. 10, 5364를 따릅니다. 중심 파장은 센서별 값을 사용합니다: MODEL을 지정하지 않으면 제품명(파일 이름 또는 태그의 S2A_/S2B_)에 따라 Sentinel-2A에는 debris_fdi 모델, Sentinel-2B에는 debris_fdi_s2b 모델을 사용합니다. 수체: 밴드 구성에서 사용할 수 있는 가장 좋은 수체 모델(satimpact:waterdetection의 기본 모델과 그 카드의 임계값)을 사용합니다. 쓰레기 자체가 NIR 반사율을 높이므로 수체 내부의 2 px 이하 비수체 틈(5x5 닫힘 연산)은 수체로 간주하며, 육지에서는 후보가 나오지 않습니다. 구름처럼 밝은 픽셀은 제외합니다: red (B4) 반사율 &amp;gt;= 0.25로, Sen2Cor의 첫 번째 구름 검사에서 구름 확률이 최대가 되는 수준입니다. FDI &amp;gt; 0이면서 영상의 구름 없는 수체 픽셀 가운데 FDI가 로버스트 이상값인 픽셀, 즉 (FDI - median) / (IQR / 1.349) &amp;gt; 3인 픽셀이 후보가 됩니다. 규칙은 모델 카드에 있습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;밴드.&lt;/b&gt; Sentinel-2 B4, B6, B8, B11(수체 마스크에는 B2, B3도 사용), 반사율 x 10000, L1C 또는 L2A. 밴드 이름, 밴드 수(13개 또는 12개) 또는 BAND_MAP으로 찾습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;출력.&lt;/b&gt; OUTPUT: FDI (float32 GeoTIFF). OUTPUT_CANDIDATES: fdi(평균), fdi_max, ndvi(평균), score(가장 강한 픽셀의 로버스트 z), pixels, area_m2 필드를 가진 후보 구역. FLAGGED_SHARE: 표시된 수체 픽셀의 비율.&lt;/p&gt;&lt;p&gt;&lt;b&gt;측정 결과.&lt;/b&gt; Sen1Floods11 칩 Spain_7370579(홍수 수체, 알려진 쓰레기 없음)에서는 구름 없는 수체 픽셀의 1.7 %가 표시됩니다. 후보는 확인해 볼 단서일 뿐 플라스틱을 탐지한 결과가 아닙니다: 선박, 항적, 거품, 조류(藻類), 구름 가장자리도 FDI를 높입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:debrisdetection -- INPUT=S2B_scene.tif OUTPUT=fdi.tif OUTPUT_CANDIDATES=debris.gpkg&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sentinel-2 scene (L1C or L2A)</source>
        <translation>Sentinel-2 영상 (L1C 또는 L2A)</translation>
    </message>
    <message>
        <source>Debris model (empty: debris_fdi or debris_fdi_s2b from the product name)</source>
        <translation>쓰레기 모델 (비우면 제품명에 따라 debris_fdi 또는 debris_fdi_s2b)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=4,rededge2=6,nir=8,swir16=12; empty: automatic)</source>
        <translation>밴드 지정 (예: red=4,rededge2=6,nir=8,swir16=12; 비우면 자동)</translation>
    </message>
    <message>
        <source>Floating Debris Index</source>
        <translation>부유 쓰레기 지수</translation>
    </message>
    <message>
        <source>Debris candidates</source>
        <translation>쓰레기 후보</translation>
    </message>
    <message>
        <source>Debris model used</source>
        <translation>사용한 쓰레기 모델</translation>
    </message>
    <message>
        <source>Water model used</source>
        <translation>사용한 수체 모델</translation>
    </message>
    <message>
        <source>Share of water pixels flagged</source>
        <translation>표시된 수체 픽셀 비율</translation>
    </message>
    <message>
        <source>Flagged pixels</source>
        <translation>표시된 픽셀 수</translation>
    </message>
    <message>
        <source>Cloud-free water pixels</source>
        <translation>구름 없는 수체 픽셀 수</translation>
    </message>
    <message>
        <source>Candidate patches</source>
        <translation>후보 구역 수</translation>
    </message>
    <message>
        <source>Floods</source>
        <translation>홍수</translation>
    </message>
    <message>
        <source>dry</source>
        <translation>건조</translation>
    </message>
    <message>
        <source>permanent water</source>
        <translation>상시 수체</translation>
    </message>
    <message>
        <source>new flood</source>
        <translation>신규 침수</translation>
    </message>
    <message>
        <source>receded water</source>
        <translation>물이 빠진 곳</translation>
    </message>
    <message>
        <source>Flood change (before / after)</source>
        <translation>홍수 변화 탐지 (이전 / 이후)</translation>
    </message>
    <message>
        <source>Maps new flood, permanent and receded water between two scenes and the flooded share per cell.</source>
        <translation>두 시기 영상 사이의 신규 침수, 상시 수체, 물이 빠진 지역과 격자별 침수 비율을 구합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Compares a scene before and a scene after a flood and maps what became water: &lt;b&gt;0 dry, 1 permanent water, 2 new flood, 3 receded water&lt;/b&gt; (255 nodata), with figures per grid cell (or per zone) that relief teams can act on.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Alignment.&lt;/b&gt; AFTER is aligned onto BEFORE's grid (CRS, pixel size and alignment), cut to the area both scenes cover; AFTER is resampled bilinearly (or averaged where its pixels are much finer). The log says which grid. Scenes that do not overlap are an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Methods.&lt;/b&gt; MODEL empty: two Sentinel-1 scenes go through the &lt;b&gt;log-ratio&lt;/b&gt; change detector (10 log10 after/before = dB difference; Bazi et al. 2005, IEEE TGRS; Clement et al. 2018): flood_s1_logratio where both dates have VV and VH, flood_s1_logratio_vv or _vh where they share only one polarisation. New flood where the after scene is water, the before scene is not, and the backscatter fell by more than the change threshold (at least 3 dB); receded water mirrors it. Otherwise &lt;b&gt;water maps are differenced&lt;/b&gt;: each date's water model is chosen from its own bands (MNDWI-based rules where a SWIR band exists, NDWI otherwise, Sentinel-1 backscatter for radar; see satimpact:waterdetection), so an optical scene before and a radar scene after also work. MODEL may name a water model to use on both dates, or a carded two-input change model (inputs &lt;i&gt;before&lt;/i&gt; and &lt;i&gt;after&lt;/i&gt;, e.g. a Siamese network trained elsewhere): a &lt;i&gt;class&lt;/i&gt; output is mapped by its class names (dry, permanent water, new flood, receded water and synonyms); a one-channel &lt;i&gt;probability&lt;/i&gt; is the probability of new flood (above the card's threshold: new flood, else dry); several probability channels with class names: the most probable class. Grid-level (chip) models give one answer per chip, which goes to every valid pixel of the chip.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Automatic thresholds&lt;/b&gt; (AUTO_THRESHOLD, on by default; radar dates only, optical dates keep their cards' thresholds). Each radar date's water threshold and the log-ratio change thresholds are found split-based (Chini et al. 2017, IEEE TGRS 55): the tiles, from the whole scene down to 32 px, whose histogram is bimodal (two fitted Gaussians with Ashman's D &amp;gt; 2, the smaller &amp;gt;= 20 %), then Otsu (water) and Kittler-Illingworth (log-ratio, whose unchanged and changed classes differ much in spread) on their pooled histogram; THRESHOLD_METHOD can impose one of the two. No bimodal tile: the card's fixed value (water) or 3 dB (change). A calibration offset between or on both dates moves the thresholds with the data. Off: the cards' fixed water thresholds and a fixed 3 dB change. METHOD and the log say which applied. Radar inputs may be in dB or linear power (RADAR_UNITS, a word in BAND_MAP, or told from the values with a warning when unsure), VV and VH in either order; 8-bit renderings are refused.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured&lt;/b&gt; on the Sen1Floods11 chip Spain_7370579 (VV and VH, dB) as AFTER, with a simulated dry BEFORE (the hand-labelled water of the upper half replaced by the chip's own land pixels): new-flood IoU against that simulated flood 0.64 with VV and VH (fixed thresholds 0.66), 0.59 VV only (0.63), 0.61 VH only (0.66). Adding +3 dB to both dates leaves the flooded area unchanged with automatic thresholds (0.0 %) and shrinks it by 11-19 % with fixed ones. BEFORE = AFTER: no new flood; the water equals satimpact:waterdetection's (IoU 0.593).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Radar caveats.&lt;/b&gt; Wind- or rain-roughened water is bright and is missed; flooded vegetation and flooded towns brighten by double bounce and are not new flood here; smooth dry surfaces and radar shadow look like water; both dates should come from the same orbit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cells.&lt;/b&gt; Square cells of CELL_SIZE metres in BEFORE's CRS if metric, else in the UTM zone of the scene; or the ZONES polygons. A pixel counts in the cell holding its centre; areas are true areas (equal-area projection). Fields: flooded_area_m2, flooded_share and permanent_water_share (shares of the valid area; nodata never counts), receded_share, valid_share (valid area over the cell's area), valid_area_m2, damaged (1 where flooded_share &gt; DAMAGE_THRESHOLD).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; Whatever each model needs, found by name (band descriptions, the layout guessed from the band count) or from BAND_MAP_BEFORE / BAND_MAP_AFTER (e.g. &lt;code&gt;green=3,swir16=6&lt;/code&gt; or a layout name such as &lt;code&gt;landsat89_sr&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:floodchange -- BEFORE=before.tif AFTER=after.tif CELL_SIZE=1000 DAMAGE_THRESHOLD=0.1 OUTPUT=change.tif OUTPUT_GRID=cells.gpkg&lt;/code&gt; (OUTPUT_GRID is optional)&lt;/p&gt;</source>
        <translation>&lt;p&gt;홍수 이전 영상과 이후 영상을 비교하여 새로 물에 잠긴 곳을 지도화합니다: &lt;b&gt;0 건조(dry), 1 상시 수체(permanent water), 2 신규 침수(new flood), 3 물이 빠진 곳(receded water)&lt;/b&gt; (255 nodata). 구호 팀이 바로 활용할 수 있도록 격자(또는 구역)별 수치도 함께 제공합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;정렬.&lt;/b&gt; AFTER는 BEFORE의 격자(CRS, 픽셀 크기, 정렬)에 맞춰 정렬되고, 두 영상이 모두 덮는 영역으로 잘립니다. AFTER는 쌍선형 보간으로 리샘플링됩니다(AFTER의 픽셀이 훨씬 더 세밀하면 평균). 어떤 격자를 사용했는지는 로그에 기록됩니다. 서로 겹치지 않는 영상은 오류로 처리됩니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; MODEL이 비어 있으면: 두 Sentinel-1 영상은 &lt;b&gt;로그비(log-ratio)&lt;/b&gt; 변화 탐지기로 처리합니다(10 log10 after/before = dB 차이; Bazi et al. 2005, IEEE TGRS; Clement et al. 2018). 두 시기 모두 VV와 VH가 있으면 flood_s1_logratio, 편파 하나만 공통이면 flood_s1_logratio_vv 또는 _vh를 씁니다. 이후 영상에서는 수체이고 이전 영상에서는 수체가 아니며, 후방산란 감소 폭이 변화 임계값(최소 3 dB)보다 큰 곳이 신규 침수입니다. 물이 빠진 곳은 그 반대입니다. 그 밖의 경우에는 &lt;b&gt;수체 지도의 차이&lt;/b&gt;를 구합니다: 각 시기의 수체 모델은 그 영상의 밴드에 따라 선택되므로(SWIR 밴드가 있으면 MNDWI 기반 규칙, 없으면 NDWI, 레이더는 Sentinel-1 후방산란; satimpact:waterdetection 참조), 이전에는 광학 영상, 이후에는 레이더 영상을 사용해도 됩니다. MODEL에는 두 시기에 모두 사용할 수체 모델, 또는 카드가 있는 두 입력 변화 모델(입력 &lt;i&gt;before&lt;/i&gt;와 &lt;i&gt;after&lt;/i&gt;, 예: 다른 곳에서 학습한 Siamese 네트워크)을 지정할 수 있습니다. &lt;i&gt;class&lt;/i&gt; 출력은 클래스 이름(dry, permanent water, new flood, receded water 및 그 동의어)에 따라 대응시키고, 1채널 &lt;i&gt;probability&lt;/i&gt; 출력은 신규 침수 확률로 봅니다(카드의 임계값을 넘으면 신규 침수, 아니면 건조). 클래스 이름이 붙은 여러 확률 채널은 확률이 가장 높은 클래스를 택합니다. 격자 단위(칩) 모델은 칩마다 결과를 하나 내며, 이 값은 칩의 모든 유효 픽셀에 적용됩니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;자동 임계값&lt;/b&gt; (AUTO_THRESHOLD, 기본으로 켜짐; 레이더 시기에만 적용되며 광학 시기는 카드의 임계값을 유지). 각 레이더 시기의 수체 임계값과 로그비 변화 임계값을 분할 기반으로 구합니다(Chini et al. 2017, IEEE TGRS 55): 영상 전체에서 32 px까지 내려가며 히스토그램이 쌍봉형인 타일(맞춘 두 정규분포의 Ashman's D &amp;gt; 2, 작은 쪽 &amp;gt;= 20 %)을 골라, 합친 히스토그램에 Otsu(수체)와 Kittler-Illingworth(변화 없음과 변화 클래스의 퍼짐이 크게 다른 로그비)를 적용합니다. THRESHOLD_METHOD로 둘 중 하나를 강제할 수 있습니다. 쌍봉형 타일이 없으면 카드의 고정값(수체) 또는 3 dB(변화)를 씁니다. 두 시기 사이 또는 두 시기 모두의 보정 오프셋에 따라 임계값도 함께 움직입니다. 끄면 카드의 고정 수체 임계값과 고정 3 dB 변화를 씁니다. 어느 쪽이 적용되었는지는 METHOD와 로그에 나옵니다. 레이더 입력은 dB 또는 선형 전력(RADAR_UNITS, BAND_MAP의 단어, 또는 값으로 판단하며 확실하지 않으면 경고)이고 VV와 VH의 순서는 상관없습니다. 8비트 렌더링은 거부합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;측정 결과&lt;/b&gt;: Sen1Floods11 칩 Spain_7370579 (VV와 VH, dB)를 AFTER로, 모의 건조 BEFORE(위쪽 절반의 수작업 라벨 수체를 같은 칩의 육지 픽셀로 대체)를 사용: 그 모의 홍수에 대한 신규 침수 IoU는 VV와 VH 0.64 (고정 임계값 0.66), VV만 0.59 (0.63), VH만 0.61 (0.66). 두 시기에 +3 dB를 더해도 자동 임계값에서는 침수 면적이 변하지 않고(0.0 %), 고정 임계값에서는 11-19 % 줄어듭니다. BEFORE = AFTER: 신규 침수 없음; 수체는 satimpact:waterdetection의 결과와 같습니다(IoU 0.593).&lt;/p&gt;&lt;p&gt;&lt;b&gt;레이더의 한계.&lt;/b&gt; 바람이나 비로 거칠어진 수면은 밝게 보여 놓칩니다. 침수된 식생과 침수된 시가지는 이중 반사(double bounce)로 밝아져 여기서는 신규 침수가 아닙니다. 매끈한 건조 지표와 레이더 그림자는 수체처럼 보입니다. 두 시기는 같은 궤도에서 촬영한 영상이어야 합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;격자.&lt;/b&gt; BEFORE의 CRS가 미터 단위이면 그 CRS에서, 아니면 영상이 속한 UTM 구역에서 CELL_SIZE 미터 크기의 정사각형 격자를 만들거나, ZONES 폴리곤을 사용합니다. 픽셀은 중심이 속한 격자에 집계되며, 면적은 실제 면적(등적 투영)입니다. 필드: flooded_area_m2, flooded_share와 permanent_water_share(유효 면적 대비 비율; nodata는 집계하지 않음), receded_share, valid_share(격자 면적 대비 유효 면적), valid_area_m2, damaged(flooded_share &gt; DAMAGE_THRESHOLD이면 1).&lt;/p&gt;&lt;p&gt;&lt;b&gt;밴드.&lt;/b&gt; 각 모델에 필요한 밴드를 이름(밴드 설명, 밴드 수로 추정한 배열)으로 찾거나 BAND_MAP_BEFORE / BAND_MAP_AFTER에서 가져옵니다(예: &lt;code&gt;green=3,swir16=6&lt;/code&gt; 또는 &lt;code&gt;landsat89_sr&lt;/code&gt; 같은 배열 이름).&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:floodchange -- BEFORE=before.tif AFTER=after.tif CELL_SIZE=1000 DAMAGE_THRESHOLD=0.1 OUTPUT=change.tif OUTPUT_GRID=cells.gpkg&lt;/code&gt; (OUTPUT_GRID는 선택)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Zones (polygons instead of the grid)</source>
        <translation>구역 (격자 대신 사용할 폴리곤)</translation>
    </message>
    <message>
        <source>Model defaults (Otsu for water, Kittler-Illingworth for the log-ratio)</source>
        <translation>모델 기본값 (수체는 Otsu, 로그비는 Kittler-Illingworth)</translation>
    </message>
    <message>
        <source>Scene before the flood</source>
        <translation>홍수 이전 영상</translation>
    </message>
    <message>
        <source>Scene after (or during) the flood</source>
        <translation>홍수 이후(또는 홍수 중) 영상</translation>
    </message>
    <message>
        <source>Model (empty: chosen from the bands; or a water model, or a two-input change model name/.onnx)</source>
        <translation>모델 (비우면 밴드에 따라 선택; 수체 모델 또는 두 입력 변화 모델 이름/.onnx)</translation>
    </message>
    <message>
        <source>Band mapping of the before scene (e.g. green=3,swir16=6; empty: automatic)</source>
        <translation>이전 영상의 밴드 지정 (예: green=3,swir16=6; 비우면 자동)</translation>
    </message>
    <message>
        <source>Band mapping of the after scene (e.g. green=3,swir16=6; empty: automatic)</source>
        <translation>이후 영상의 밴드 지정 (예: green=3,swir16=6; 비우면 자동)</translation>
    </message>
    <message>
        <source>Grid cell size (metres)</source>
        <translation>격자 크기 (미터)</translation>
    </message>
    <message>
        <source>Damage threshold (share of a cell newly flooded)</source>
        <translation>피해 기준 (격자 내 신규 침수 비율)</translation>
    </message>
    <message>
        <source>Automatic thresholds for radar scenes (water on each date and the log-ratio change)</source>
        <translation>레이더 영상의 자동 임계값 (각 시기의 수체와 로그비 변화)</translation>
    </message>
    <message>
        <source>Flood change classes</source>
        <translation>홍수 변화 분류</translation>
    </message>
    <message>
        <source>Flooded share per cell</source>
        <translation>격자별 침수 비율</translation>
    </message>
    <message>
        <source>New flood (km2)</source>
        <translation>신규 침수 면적 (km2)</translation>
    </message>
    <message>
        <source>Damaged cells</source>
        <translation>피해 격자 수</translation>
    </message>
    <message>
        <source>Method, alignment and thresholds</source>
        <translation>방법, 정렬, 임계값</translation>
    </message>
    <message>
        <source>Not damaged</source>
        <translation>피해 없음</translation>
    </message>
    <message>
        <source>Damaged: flooded share &gt; {0} %</source>
        <translation>피해: 침수 비율 &gt; {0} %</translation>
    </message>
    <message>
        <source>Green space</source>
        <translation>녹지</translation>
    </message>
    <message>
        <source>Urban green ratio</source>
        <translation>도시 녹지 비율</translation>
    </message>
    <message>
        <source>Share of vegetation and green area (per person) for city zones or a grid of cells.</source>
        <translation>도시 구역 또는 격자별 식생 비율과 (1인당) 녹지 면적을 구합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Measures how much of each zone (city boundaries, districts) or grid cell is green: a vegetation mask from a green model, then per zone the green area, the valid area and their ratio, and the green area per person when a population field is given. This is the urban green space measure of Kwon et al. (2021), &lt;i&gt;Urban green space and happiness in developed countries&lt;/i&gt;, EPJ Data Science 10:28, which used summer Sentinel-2 imagery.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; &lt;code&gt;green_ndvi&lt;/code&gt;: vegetation where NDVI = (NIR - red) / (NIR + red) &gt; 0.2, the NDVI above which a surface is no longer bare soil (Sobrino et al. 2004, Remote Sens. Environ. 90:434). &lt;code&gt;green_rgb&lt;/code&gt;, for imagery without NIR (aerial photos, basemaps): a logistic model on the colour ratios ln(G/R), ln(G/B), fitted to the NDVI mask of real Sentinel-2 scenes (its agreement with NDVI is in its model card). Areas are true square metres, also for EPSG:4326 rasters: every pixel's area is computed from its corners in a Lambert azimuthal equal-area projection centred on the scene. A pixel belongs to a zone when its &lt;b&gt;centre&lt;/b&gt; lies inside it. Nodata and cloud pixels count in neither the green nor the valid area. Cloud: Sentinel-2 SCL classes 3, 8, 9, 10 where an SCL band exists; otherwise (green_ndvi) blue reflectance above 0.2 unless NDSI &gt;= 0.4 (snow, which is valid, non-green ground). The RGB model has no cloud test. &lt;b&gt;Water never counts as green&lt;/b&gt;, whatever the model (a dark lake has NDVI 0.2-0.3): Sentinel-2 SCL class 6, else MNDWI = (green - SWIR1) / (green + SWIR1) &amp;gt; 0, else NDWI (green, NIR) &amp;gt; 0, and NIR reflectance below 3 % (dark water; not for 8-bit imagery); water is valid ground, and its area is in water_area_m2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Season check.&lt;/b&gt; The acquisition date is read from the raster's ACQUISITION_DATE tag or a Sentinel-2/Landsat product name in the file name (S2A_MSIL2A_20170613T101031...) and judged against the local summer (June-September north of the tropics, December-February south of them); the scene also looks leaf-off when its greenest 5 % of pixels have NDVI below 0.5, or when snow covers more than 10 %. Any doubt is logged as a warning and written in the season_warning field.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; green_ndvi: red and NIR; green_rgb: red, green, blue. Blue, green and SWIR 1.6 are used for the cloud and snow test where present. Bands are found by name, by layout, or BAND_MAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; INPUT: the raster. MODEL (optional): green_ndvi, green_rgb or a carded .onnx green model; empty: green_ndvi when the raster has red and NIR, else green_rgb. BAND_MAP (optional): e.g. &lt;code&gt;red=3,nir=4&lt;/code&gt; or a layout name. ZONES (optional): polygons; empty: a grid of CELL_SIZE metres (default 1000) over the raster, in the raster's CRS when it is in true metres (UTM, national grids), else (EPSG:4326, Web Mercator) in the UTM zone of the scene. POPULATION_FIELD (optional): numeric field of ZONES; a population of 0 or less gives an empty green_m2_per_person. OUTPUT: zones or cells with green_ratio (0..1), green_area_m2, valid_area_m2, valid_fraction (valid area / zone area), zone_area_m2, cloud_area_m2, water_area_m2, green_m2_per_person, season_warning. OUTPUT_MASK (optional): vegetation mask GeoTIFF (1 vegetation, 0 other, 2 cloud, 3 water, 255 nodata). Zones that do not overlap the raster get zero valid area and a warning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:greenratio -- INPUT=scene.tif ZONES=districts.gpkg POPULATION_FIELD=pop OUTPUT=green.gpkg OUTPUT_MASK=vegetation.tif&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;각 구역(도시 경계, 행정구역) 또는 격자가 얼마나 녹지로 덮여 있는지 측정합니다: 녹지 모델로 식생 마스크를 만든 뒤 구역별 녹지 면적, 유효 면적과 그 비율을 구하고, 인구 필드가 주어지면 1인당 녹지 면적도 구합니다. 이는 여름철 Sentinel-2 영상을 사용한 Kwon et al. (2021), &lt;i&gt;Urban green space and happiness in developed countries&lt;/i&gt;, EPJ Data Science 10:28의 도시 녹지 지표입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; &lt;code&gt;green_ndvi&lt;/code&gt;: NDVI = (NIR - red) / (NIR + red) &gt; 0.2인 곳을 식생으로 봅니다. 0.2는 지표가 더 이상 나지(맨땅)가 아니게 되는 NDVI 값입니다(Sobrino et al. 2004, Remote Sens. Environ. 90:434). &lt;code&gt;green_rgb&lt;/code&gt;는 NIR이 없는 영상(항공사진, 배경지도)을 위한 모델로, 색 비율 ln(G/R), ln(G/B)에 대한 로지스틱 모델을 실제 Sentinel-2 영상의 NDVI 마스크에 맞춰 적합한 것입니다(NDVI와의 일치도는 모델 카드에 있음). 면적은 EPSG:4326 래스터에서도 실제 제곱미터 단위입니다: 각 픽셀의 면적은 영상 중심을 기준으로 한 람베르트 방위 등적 투영에서 픽셀 모서리 좌표로 계산합니다. 픽셀은 &lt;b&gt;중심&lt;/b&gt;이 구역 안에 있을 때 그 구역에 속합니다. Nodata 픽셀과 구름 픽셀은 녹지 면적에도 유효 면적에도 포함되지 않습니다. 구름: SCL 밴드가 있으면 Sentinel-2 SCL 클래스 3, 8, 9, 10이고, 없으면(green_ndvi) blue 반사율이 0.2를 넘는 픽셀입니다. 단, NDSI &gt;= 0.4인 픽셀(눈: 유효하지만 녹지가 아닌 지표)은 제외합니다. RGB 모델에는 구름 검사가 없습니다. &lt;b&gt;수체는 모델과 관계없이 녹지로 집계하지 않습니다&lt;/b&gt;(어두운 호수는 NDVI가 0.2-0.3입니다): Sentinel-2 SCL 클래스 6, 없으면 MNDWI = (green - SWIR1) / (green + SWIR1) &amp;gt; 0, 없으면 NDWI (green, NIR) &amp;gt; 0이며, NIR 반사율이 3 % 미만인 픽셀(어두운 수체; 8비트 영상 제외)도 수체입니다. 수체는 유효한 지표이며 그 면적은 water_area_m2에 기록됩니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;계절 확인.&lt;/b&gt; 촬영일은 래스터의 ACQUISITION_DATE 태그나 파일 이름의 Sentinel-2/Landsat 제품명(S2A_MSIL2A_20170613T101031...)에서 읽으며, 현지 여름(열대 이북은 6-9월, 열대 이남은 12-2월)에 해당하는지 판단합니다. 또한 가장 푸른 상위 5 % 픽셀의 NDVI가 0.5 미만이거나 눈이 10 % 넘게 덮고 있으면 낙엽기 영상으로 봅니다. 의심스러운 점은 모두 로그에 경고로 남기고 season_warning 필드에 기록합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;밴드.&lt;/b&gt; green_ndvi: red와 NIR; green_rgb: red, green, blue. Blue, green, SWIR 1.6 밴드가 있으면 구름과 눈 검사에 사용합니다. 밴드는 이름, 배열 또는 BAND_MAP으로 찾습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;매개변수.&lt;/b&gt; INPUT: 래스터. MODEL (선택): green_ndvi, green_rgb 또는 카드가 있는 .onnx 녹지 모델. 비우면 래스터에 red와 NIR이 있을 때 green_ndvi, 없으면 green_rgb를 사용합니다. BAND_MAP (선택): 예: &lt;code&gt;red=3,nir=4&lt;/code&gt; 또는 배열 이름. ZONES (선택): 폴리곤. 비우면 래스터 위에 CELL_SIZE 미터(기본값 1000) 격자를 만들며, 래스터의 CRS가 실제 미터 단위(UTM, 국가 좌표계)이면 그 CRS에서, 아니면(EPSG:4326, Web Mercator) 영상이 속한 UTM 구역에서 만듭니다. POPULATION_FIELD (선택): ZONES의 숫자 필드. 인구가 0 이하이면 green_m2_per_person은 비어 있습니다. OUTPUT: green_ratio (0..1), green_area_m2, valid_area_m2, valid_fraction (유효 면적 / 구역 면적), zone_area_m2, cloud_area_m2, water_area_m2, green_m2_per_person, season_warning 필드를 가진 구역 또는 격자. OUTPUT_MASK (선택): 식생 마스크 GeoTIFF (1 식생, 0 기타, 2 구름, 3 수체, 255 nodata). 래스터와 겹치지 않는 구역은 유효 면적이 0이 되며 경고가 표시됩니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:greenratio -- INPUT=scene.tif ZONES=districts.gpkg POPULATION_FIELD=pop OUTPUT=green.gpkg OUTPUT_MASK=vegetation.tif&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Zones (city boundaries, districts; empty: a grid of cells)</source>
        <translation>구역 (도시 경계, 행정구역; 비우면 격자)</translation>
    </message>
    <message>
        <source>Ground resolution in metres (layers that are not files; default: 10)</source>
        <translation>지상 해상도, 미터 (파일이 아닌 레이어; 기본값: 10)</translation>
    </message>
    <message>
        <source>{0} - {1} % green</source>
        <translation>녹지 {0} - {1} %</translation>
    </message>
    <message>
        <source>Input raster (summer imagery)</source>
        <translation>입력 래스터 (여름 영상)</translation>
    </message>
    <message>
        <source>Green model (green_ndvi, green_rgb or an .onnx path; empty: chosen from the bands)</source>
        <translation>녹지 모델 (green_ndvi, green_rgb 또는 .onnx 경로; 비우면 밴드에 따라 선택)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=3,nir=4 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: red=3,nir=4 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Grid cell size in metres (used when there are no zones)</source>
        <translation>격자 크기 (미터, 구역이 없을 때 사용)</translation>
    </message>
    <message>
        <source>Population field of the zones (optional)</source>
        <translation>구역의 인구 필드 (선택)</translation>
    </message>
    <message>
        <source>Green ratio</source>
        <translation>녹지 비율</translation>
    </message>
    <message>
        <source>Vegetation mask</source>
        <translation>식생 마스크</translation>
    </message>
    <message>
        <source>Green ratio of the whole raster</source>
        <translation>래스터 전체의 녹지 비율</translation>
    </message>
    <message>
        <source>Season warning (empty: none)</source>
        <translation>계절 경고 (비어 있으면 없음)</translation>
    </message>
    <message>
        <source>Green model used</source>
        <translation>사용한 녹지 모델</translation>
    </message>
    <message>
        <source>Green ratio over time</source>
        <translation>시간에 따른 녹지 비율</translation>
    </message>
    <message>
        <source>Green ratio per zone across a stack of dates, with the season check per date and a trend.</source>
        <translation>여러 날짜의 래스터에서 구역별 녹지 비율을 날짜별 계절 확인과 추세와 함께 계산합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The green ratio tool over a stack of rasters of one area on different dates: one row per zone per date with the green ratio, green and valid area in true m2, the season check of that date and the zone's trend (Sen's slope of the green ratio per year, Mann-Kendall p-value), plus an HTML report with a line chart per zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dates&lt;/b&gt; as in waterseries: DATES (one per input, in input order), an ACQUISITION_DATE tag, a product name, a YYYYMMDD in the file name or a bare year; BANDS_PER_DATE splits a multi-date file into one date per group of bands. &lt;b&gt;Season check&lt;/b&gt; per date as in greenratio (leaf-on summer, leaf-off index, snow); a bare year cannot be checked for the season. Dates with a season warning or observed over less than MIN_OBSERVED of the zone are flagged and left out of the trend.&lt;/p&gt;&lt;p&gt;Each date is counted on its own grid with true pixel areas; ZONES are reprojected to each date. ZONES empty: the area all dates cover. A zone-date with no valid pixel gets NULL, never 0.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:greenseries -- INPUTS=2016.tif INPUTS=2018.tif INPUTS=2020.tif ZONES=districts.gpkg OUTPUT=green.gpkg OUTPUT_REPORT=green.html&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;여러 날짜에 걸친 한 지역의 래스터에 녹지 비율 도구를 적용합니다: 구역별·날짜별로 한 행씩 녹지 비율, 실제 m2 단위의 녹지 면적과 유효 면적, 그 날짜의 계절 확인, 구역의 추세(연간 녹지 비율의 Sen 기울기, Mann-Kendall p값)를 쓰고, 구역마다 선 그래프가 있는 HTML 보고서를 만듭니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;날짜&lt;/b&gt;는 waterseries와 같습니다: DATES(입력 순서대로 입력마다 하나), ACQUISITION_DATE 태그, 제품 이름, 파일 이름의 YYYYMMDD 또는 연도만 있는 이름; BANDS_PER_DATE는 여러 날짜를 담은 파일을 밴드 묶음마다 한 날짜로 나눕니다. &lt;b&gt;계절 확인&lt;/b&gt;은 날짜마다 greenratio와 같습니다(잎이 난 여름, 낙엽기 지수, 눈); 연도만 있으면 계절을 확인할 수 없습니다. 계절 경고가 있거나 구역의 MIN_OBSERVED 미만만 관측된 날짜는 표시되고 추세에서 제외됩니다.&lt;/p&gt;&lt;p&gt;날짜마다 자체 격자에서 실제 픽셀 면적으로 계산하며, ZONES는 날짜마다 재투영됩니다. ZONES를 비우면 모든 날짜가 덮는 지역입니다. 유효 픽셀이 없는 구역-날짜는 0이 아니라 NULL입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:greenseries -- INPUTS=2016.tif INPUTS=2018.tif INPUTS=2020.tif ZONES=districts.gpkg OUTPUT=green.gpkg OUTPUT_REPORT=green.html&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Zones (districts, parks; empty: the area all dates cover)</source>
        <translation>구역 (행정구, 공원; 비우면 모든 날짜가 덮는 지역)</translation>
    </message>
    <message>
        <source>Green model (empty: green_ndvi with red and NIR, else green_rgb)</source>
        <translation>녹지 모델 (비우면 적색과 NIR이 있으면 green_ndvi, 없으면 green_rgb)</translation>
    </message>
    <message>
        <source>Green ratio per zone and date</source>
        <translation>구역별·날짜별 녹지 비율</translation>
    </message>
    <message>
        <source>Number of dates</source>
        <translation>날짜 수</translation>
    </message>
    <message>
        <source>Poverty and development</source>
        <translation>빈곤과 발전</translation>
    </message>
    <message>
        <source>least developed</source>
        <translation>개발 수준 최하</translation>
    </message>
    <message>
        <source>less developed</source>
        <translation>개발 수준 하</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>중간</translation>
    </message>
    <message>
        <source>more developed</source>
        <translation>개발 수준 상</translation>
    </message>
    <message>
        <source>most developed</source>
        <translation>개발 수준 최상</translation>
    </message>
    <message>
        <source>Poverty grid (development score per cell)</source>
        <translation>빈곤 격자 (격자별 발전 점수)</translation>
    </message>
    <message>
        <source>Scores economic development per grid cell or zone from daytime imagery.</source>
        <translation>주간 위성영상으로 격자 또는 구역별 경제 발전 수준을 점수화합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Estimates a relative economic-development score for every cell of a square grid (default 1 km) or for every polygon of ZONES, from daytime satellite imagery. Cells are built in a metric CRS suited to the area (the UTM zone of the raster's centre, polar stereographic near the poles), also when the raster is in EPSG:4326 or EPSG:3857, so a 1000 m cell is 1 km on the ground; the output is in that CRS (zones keep their own).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; A chip model (one score per image chip) scores chips of the ground size its card states, resampled from the raster into the metric CRS by area averaging. A cell or zone no larger than 1.5 chips across gets exactly one chip, centred on it: a map tile given as a zone is scored from the tile itself, and a 1 km cell with the ~1.9 km of context the model was trained on. A larger cell or zone gets the area-weighted mean of a dense score surface: chips every half chip, each part of the ground taking the mean score of the chips that cover it, so the result does not depend on where chips happen to fall. Chips with less than MIN_VALID valid pixels are not scored, and a cell with no scored chip gets no score (NULL), never a zero. The default model &lt;i&gt;poverty_nk_siscore&lt;/i&gt; ranks how built-up and developed a place looks (random convolutional features of the chip at full resolution with a ranking head), trained on Sentinel-2 true-colour tiles of North Korea with the experts' partial order of Ahn et al. (2023, Nat. Commun. 14) and chosen by how well it ranks clusters it never saw; its card gives the held-out figures and where the score stops holding. The approach follows Jean et al. (2016, Science 353), siScore (Han et al. 2020, KDD) and MOSAIKS (Rolf et al. 2021, Nat. Commun. 12). The score is relative (0 least, 1 most developed), not money; score_percentile ranks cells within this run.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; red, green, blue. 8-bit true-colour imagery (RGB basemaps, web tiles) is used as it is; a Sentinel-2 reflectance scene (L1C/L2A, values x 10000) is converted to the 8-bit true-colour rendering the model expects (2.5 x reflectance, clipped, x 255), which the log says. Bands are found by name or layout, or from BAND_MAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; INPUT: raster layer, a file or a layer QGIS renders first (XYZ or WMS basemap, virtual raster) over EXTENT at RESOLUTION metres (defaults: the layer's extent, the ground resolution of the model's training imagery, 7.3 m for the shipped model); a file is used at its own resolution, cut to EXTENT if one is given. MODEL: shipped or user chip model with a score output (default poverty_nk_siscore; models from satimpact:trainpovertysurvey or satimpact:trainpovertyranking work too). CELL_SIZE: metres. ZONES (optional): polygons scored instead of the grid. MIN_VALID: least share of valid pixels in a chip. OUTPUT: cells or zones with score, score_percentile (% of scored units at or below), valid_share, chips, chips_scored. OUTPUT_RASTER (optional, grid only): cell scores as a GeoTIFF, one pixel per cell.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:povertygrid -- INPUT=mosaic.tif CELL_SIZE=1000 OUTPUT=cells.gpkg&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;주간 위성영상으로 정사각형 격자(기본 1 km)의 각 격자 또는 ZONES의 각 폴리곤에 대해 상대적인 경제 발전 점수를 추정합니다. 래스터가 EPSG:4326이나 EPSG:3857이어도 격자는 해당 지역에 맞는 미터 단위 CRS(래스터 중심이 속한 UTM 구역, 극지방 근처에서는 극 평사 투영)에서 만들므로, 1000 m 격자는 지상에서 실제 1 km입니다. 출력은 그 CRS로 저장됩니다(구역은 원래 CRS를 유지).&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; 칩 모델(영상 칩마다 점수 하나)이 모델 카드에 적힌 지상 크기의 칩에 점수를 매깁니다. 칩은 래스터를 면적 평균 방식으로 미터 단위 CRS에 리샘플링하여 만듭니다. 가로세로가 칩 1.5개 이하인 격자나 구역은 그 중심에 놓인 칩 하나로 점수를 받습니다: 구역으로 준 지도 타일은 그 타일 자체로, 1 km 격자는 모델이 학습한 약 1.9 km의 주변 맥락으로 점수가 매겨집니다. 더 큰 격자나 구역은 조밀한 점수 표면의 면적 가중 평균을 받습니다: 칩을 칩 절반 간격으로 놓고, 지면의 각 부분은 그곳을 덮는 칩들의 평균 점수를 가지므로, 결과가 칩이 우연히 놓인 위치에 좌우되지 않습니다. 유효 픽셀이 MIN_VALID보다 적은 칩에는 점수를 매기지 않으며, 점수가 매겨진 칩이 없는 격자는 0이 아니라 점수 없음(NULL)이 됩니다. 기본 모델 &lt;i&gt;poverty_nk_siscore&lt;/i&gt;는 장소가 얼마나 시가지화되고 발전해 보이는지를 순위로 매깁니다(전체 해상도 칩의 무작위 합성곱 특징에 순위 헤드). 북한의 Sentinel-2 참색상 타일과 Ahn et al. (2023, Nat. Commun. 14)의 전문가 부분 순서로 학습했고, 학습에 쓰지 않은 클러스터를 얼마나 잘 순위 매기는지로 선택했습니다. 모델 카드에 학습에 쓰지 않은 데이터에서의 수치와 점수가 성립하지 않는 조건이 있습니다. 이 접근법은 Jean et al. (2016, Science 353), siScore (Han et al. 2020, KDD), MOSAIKS (Rolf et al. 2021, Nat. Commun. 12)를 따릅니다. 점수는 상대적인 값(0 발전 수준이 가장 낮음, 1 가장 높음)이며 금액이 아닙니다. score_percentile은 이번 실행 안에서 격자의 순위를 나타냅니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;밴드.&lt;/b&gt; red, green, blue. 8비트 참색상 영상(RGB 배경지도, 웹 타일)은 그대로 사용합니다. Sentinel-2 반사율 영상(L1C/L2A, 값 x 10000)은 모델이 기대하는 8비트 참색상 렌더링(2.5 x 반사율, 클리핑, x 255)으로 변환하며, 변환 사실을 로그에 남깁니다. 밴드는 이름이나 배열, 또는 BAND_MAP으로 찾습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;매개변수.&lt;/b&gt; INPUT: 래스터 레이어. 파일이거나, QGIS가 먼저 EXTENT 범위를 RESOLUTION 미터 해상도로 렌더링하는 레이어(XYZ 또는 WMS 배경지도, 가상 래스터)입니다(기본값: 레이어 범위, 모델 학습 영상의 지상 해상도이며 기본 제공 모델은 7.3 m). 파일은 자체 해상도 그대로 쓰고, EXTENT가 주어지면 그 범위로 잘라냅니다. MODEL: score 출력이 있는 기본 제공 또는 사용자 칩 모델(기본값 poverty_nk_siscore; satimpact:trainpovertysurvey나 satimpact:trainpovertyranking으로 만든 모델도 사용 가능). CELL_SIZE: 미터 단위. ZONES (선택): 격자 대신 점수를 매길 폴리곤. MIN_VALID: 칩의 최소 유효 픽셀 비율. OUTPUT: score, score_percentile (점수가 매겨진 단위 중 이 값 이하인 비율, %), valid_share, chips, chips_scored 필드를 가진 격자 또는 구역. OUTPUT_RASTER (선택, 격자에만 해당): 격자 하나가 픽셀 하나인 격자 점수 GeoTIFF.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:povertygrid -- INPUT=mosaic.tif CELL_SIZE=1000 OUTPUT=cells.gpkg&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Zones to score instead of a grid (optional)</source>
        <translation>격자 대신 점수를 매길 구역 (선택)</translation>
    </message>
    <message>
        <source>Ground resolution in metres to render such layers (default: the model's source imagery)</source>
        <translation>이런 레이어를 렌더링할 지상 해상도 (미터, 기본값: 모델의 원본 영상)</translation>
    </message>
    <message>
        <source>Imagery (RGB or Sentinel-2)</source>
        <translation>영상 (RGB 또는 Sentinel-2)</translation>
    </message>
    <message>
        <source>Score model (chip model)</source>
        <translation>점수 모델 (칩 모델)</translation>
    </message>
    <message>
        <source>Cell size (metres)</source>
        <translation>격자 크기 (미터)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=4,green=3,blue=2; empty: automatic)</source>
        <translation>밴드 지정 (예: red=4,green=3,blue=2; 비우면 자동)</translation>
    </message>
    <message>
        <source>Least share of valid pixels in a chip</source>
        <translation>칩의 최소 유효 픽셀 비율</translation>
    </message>
    <message>
        <source>Development score</source>
        <translation>발전 점수</translation>
    </message>
    <message>
        <source>Cell scores as a raster</source>
        <translation>격자 점수 래스터</translation>
    </message>
    <message>
        <source>Model used</source>
        <translation>사용한 모델</translation>
    </message>
    <message>
        <source>CRS of the cells</source>
        <translation>격자 좌표계</translation>
    </message>
    <message>
        <source>Run model (any carded ONNX model)</source>
        <translation>모델 실행 (카드가 있는 모든 ONNX 모델)</translation>
    </message>
    <message>
        <source>Runs a SatImpact or Deepness ONNX model over a raster, tile by tile.</source>
        <translation>SatImpact 또는 Deepness ONNX 모델을 래스터에 타일 단위로 실행합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What each model type gives&lt;/b&gt; (Deepness' model_type, or MODEL_TYPE). &lt;i&gt;Segmentation&lt;/i&gt;: OUTPUT is a class raster (uint8, one band per output head, 255 nodata) with the class names in its attribute table and legend; per head, sigmoid heads get a background class, values below THRESHOLD (seg_thresh) are dropped and each pixel takes the highest class, as Deepness does; SMALL_SEGMENT (seg_small_segment) removes small segments as Deepness does (erosion then dilation). OUTPUT_PROBABILITIES (optional): the blended class probabilities. OUTPUT_VECTOR (optional): one polygon layer, fields class, class_id, output and area, simplified by VECTOR_SIMPLIFY px and at least VECTOR_MIN_AREA px large. &lt;i&gt;Regression&lt;/i&gt;: OUTPUT holds float32 values times reg_output_scaling. &lt;i&gt;Detection&lt;/i&gt; (YOLOv5/v6/v7, Ultralytics and Ultralytics rotated-box outputs): OUTPUT_VECTOR holds one rectangle per object with class, class_id and confidence, in map coordinates, above DETECTION_CONFIDENCE (det_conf), after class-aware suppression across tiles at DETECTION_IOU (det_iou_thresh); no OUTPUT raster. &lt;i&gt;Super-resolution&lt;/i&gt;: OUTPUT at the model's scale factor (pixels that much smaller, same area). &lt;i&gt;Recognition&lt;/i&gt;: OUTPUT holds, per tile, the cosine similarity of the tile's embedding to the embedding of QUERY_IMAGE. &lt;i&gt;Index&lt;/i&gt; and &lt;i&gt;features&lt;/i&gt;, and SatImpact cards: the model's outputs as they are.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;모델 유형별 결과&lt;/b&gt; (Deepness의 model_type 또는 MODEL_TYPE). &lt;i&gt;분할(segmentation)&lt;/i&gt;: OUTPUT은 클래스 래스터입니다(uint8, 출력 헤드마다 밴드 하나, nodata 255). 클래스 이름은 속성 테이블과 범례에 들어갑니다. 헤드마다, 시그모이드 헤드에는 배경 클래스가 추가되고 THRESHOLD(seg_thresh)보다 낮은 값은 버리며 각 픽셀은 가장 높은 클래스를 받습니다(Deepness와 같음). SMALL_SEGMENT(seg_small_segment)는 Deepness처럼 작은 조각을 없앱니다(침식 후 팽창). OUTPUT_PROBABILITIES(선택): 블렌딩된 클래스 확률. OUTPUT_VECTOR(선택): class, class_id, output, area 필드를 가진 폴리곤 레이어 하나로, VECTOR_SIMPLIFY 픽셀로 단순화하고 VECTOR_MIN_AREA 픽셀 이상인 것만 남깁니다. &lt;i&gt;회귀(regression)&lt;/i&gt;: OUTPUT은 reg_output_scaling을 곱한 float32 값입니다. &lt;i&gt;탐지(detection)&lt;/i&gt; (YOLOv5/v6/v7, Ultralytics 및 Ultralytics 회전 박스 출력): OUTPUT_VECTOR에 객체마다 class, class_id, confidence를 가진 사각형 하나가 지도 좌표로 들어갑니다. DETECTION_CONFIDENCE(det_conf) 이상만, 타일 사이에서 클래스별로 DETECTION_IOU(det_iou_thresh) 기준 중복 제거 후; OUTPUT 래스터는 없습니다. &lt;i&gt;초해상도(super-resolution)&lt;/i&gt;: 모델의 배율로 된 OUTPUT(픽셀이 그만큼 작고 영역은 같음). &lt;i&gt;인식(recognition)&lt;/i&gt;: OUTPUT은 타일마다 타일 임베딩과 QUERY_IMAGE 임베딩의 코사인 유사도입니다. &lt;i&gt;index&lt;/i&gt;와 &lt;i&gt;features&lt;/i&gt;, 그리고 SatImpact 카드: 모델의 출력을 그대로 씁니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ground resolution in metres (layers that are not files; default: the model card's)</source>
        <translation>지상 해상도 (미터, 파일이 아닌 레이어; 기본값: 모델 카드 값)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Models without a card&lt;/b&gt; (advanced parameters, like Deepness' dock). Set MODEL_TYPE (segmentation: class probabilities, blended; regression: values, blended; index: a pixelwise formula, no overlap; features: one vector per chip) and, where the defaults do not fit: TILE_SIZE (px; default: the graph's fixed input size, else 512), OVERLAP (px shared by neighbouring tiles; default 15% of the tile, as Deepness; raised automatically for outputs smaller than the input), MODEL_RESOLUTION (m/px of the model's training data: recorded in the card and the default render resolution for layers that are not files; RESOLUTION stays the render resolution), SCALE and OFFSET (model value = raw x SCALE + OFFSET; default SCALE 1/255 = 0.00392157 for 8-bit imagery, as Deepness), MEAN and STD (per band, applied after SCALE), BANDS (1-based raster bands in the model's input order; default the first bands, as many as the graph takes) and THRESHOLD (segmentation, default 0.5). Input and output shapes come from the graph. A typical PyTorch export on RGB with ImageNet normalisation: &lt;code&gt;MODEL_TYPE=segmentation BANDS=1,2,3 SCALE=0.00392157 MEAN=0.485,0.456,0.406 STD=0.229,0.224,0.225&lt;/code&gt;. These parameters apply only to models without a card: a model with a SatImpact card or Deepness metadata refuses them with a message (the card is the model's contract). SAVE_CARD (optional .onnx file): writes the stated parameters as a SatImpact card into a copy of the model; that copy then runs like any carded model (save it in the user model folder, or import it in the model manager, to see it in the model list).&lt;/p&gt;&lt;p&gt;&lt;code&gt;qgis_process run satimpact:runmodel -- INPUT=ortho.tif MODEL=export.onnx MODEL_TYPE=segmentation MEAN=0.485,0.456,0.406 STD=0.229,0.224,0.225 SAVE_CARD=export_carded.onnx OUTPUT=probs.tif&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;카드가 없는 모델&lt;/b&gt; (고급 매개변수, Deepness 도크와 같음). MODEL_TYPE을 지정하고(segmentation: 클래스 확률, 블렌딩; regression: 값, 블렌딩; index: 픽셀 단위 수식, 겹침 없음; features: 칩마다 벡터 하나), 기본값이 맞지 않으면 다음을 지정합니다: TILE_SIZE (픽셀; 기본값: 그래프의 고정 입력 크기, 없으면 512), OVERLAP (이웃 타일이 공유하는 픽셀; 기본값은 Deepness처럼 타일의 15%; 출력이 입력보다 작으면 자동으로 늘어남), MODEL_RESOLUTION (모델 학습 데이터의 m/픽셀: 카드에 기록되며 파일이 아닌 레이어의 기본 렌더링 해상도; RESOLUTION은 계속 렌더링 해상도), SCALE과 OFFSET (모델 값 = 원시값 x SCALE + OFFSET; 8비트 영상의 기본 SCALE은 Deepness처럼 1/255 = 0.00392157), MEAN과 STD (밴드별, SCALE 다음에 적용), BANDS (모델 입력 순서대로의 1부터 시작하는 래스터 밴드 번호; 기본값은 그래프가 받는 수만큼 앞쪽 밴드), THRESHOLD (segmentation, 기본값 0.5). 입력과 출력의 형태는 그래프에서 읽습니다. ImageNet 정규화를 쓰는 일반적인 RGB PyTorch 내보내기: &lt;code&gt;MODEL_TYPE=segmentation BANDS=1,2,3 SCALE=0.00392157 MEAN=0.485,0.456,0.406 STD=0.229,0.224,0.225&lt;/code&gt;. 이 매개변수는 카드가 없는 모델에만 적용됩니다: SatImpact 카드나 Deepness 메타데이터가 있는 모델은 메시지와 함께 이를 거부합니다(카드가 모델의 계약이므로). SAVE_CARD (선택, .onnx 파일): 지정한 매개변수를 SatImpact 카드로 모델 사본에 기록합니다. 그 사본은 이후 카드가 있는 모델처럼 실행됩니다(모델 목록에 보이려면 사용자 모델 폴더에 저장하거나 모델 관리자에서 가져오십시오).&lt;/p&gt;&lt;p&gt;&lt;code&gt;qgis_process run satimpact:runmodel -- INPUT=ortho.tif MODEL=export.onnx MODEL_TYPE=segmentation MEAN=0.485,0.456,0.406 STD=0.229,0.224,0.225 SAVE_CARD=export_carded.onnx OUTPUT=probs.tif&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Input raster</source>
        <translation>입력 래스터</translation>
    </message>
    <message>
        <source>Model (shipped or user model name, or path of a carded .onnx file)</source>
        <translation>모델 (기본 제공 또는 사용자 모델 이름, 또는 카드가 있는 .onnx 파일 경로)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. green=3,swir16=12 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: green=3,swir16=12 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Model output (raster: values, classes, upscaled image or similarity)</source>
        <translation>모델 출력 (래스터: 값, 클래스, 확대 영상 또는 유사도)</translation>
    </message>
    <message>
        <source>Polygons (segmentation: one per class area; detection: boxes)</source>
        <translation>폴리곤 (분할: 클래스 영역마다 하나; 탐지: 박스)</translation>
    </message>
    <message>
        <source>Class probabilities (segmentation)</source>
        <translation>클래스 확률 (분할)</translation>
    </message>
    <message>
        <source>Model card summary</source>
        <translation>모델 카드 요약</translation>
    </message>
    <message>
        <source>Model saved with the stated card</source>
        <translation>지정한 카드로 저장된 모델</translation>
    </message>
    <message>
        <source>Model type, for a model without a card (segmentation, regression, detection, superresolution, recognition, index, features)</source>
        <translation>모델 유형, 카드가 없는 모델용 (segmentation, regression, detection, superresolution, recognition, index, features)</translation>
    </message>
    <message>
        <source>Tile size in px (no card; default: the graph's fixed input size, else 512)</source>
        <translation>타일 크기(픽셀) (카드 없음; 기본값: 그래프의 고정 입력 크기, 없으면 512)</translation>
    </message>
    <message>
        <source>Tile overlap in px (no card; default 15% of the tile)</source>
        <translation>타일 겹침(픽셀) (카드 없음; 기본값 타일의 15%)</translation>
    </message>
    <message>
        <source>Resolution of the model's training data in m/px (no card)</source>
        <translation>모델 학습 데이터의 해상도(m/픽셀) (카드 없음)</translation>
    </message>
    <message>
        <source>Scale: model value = raw x SCALE + OFFSET (no card; default 1/255)</source>
        <translation>스케일: 모델 값 = 원시값 x SCALE + OFFSET (카드 없음; 기본값 1/255)</translation>
    </message>
    <message>
        <source>Offset (no card; default 0)</source>
        <translation>오프셋 (카드 없음; 기본값 0)</translation>
    </message>
    <message>
        <source>Mean per band, after scaling (no card; ImageNet: 0.485,0.456,0.406)</source>
        <translation>밴드별 평균, 스케일 적용 후 (카드 없음; ImageNet: 0.485,0.456,0.406)</translation>
    </message>
    <message>
        <source>Std per band, after scaling (no card; ImageNet: 0.229,0.224,0.225)</source>
        <translation>밴드별 표준편차, 스케일 적용 후 (카드 없음; ImageNet: 0.229,0.224,0.225)</translation>
    </message>
    <message>
        <source>Raster bands in the model's input order, e.g. 1,2,3 (no card; default: the first ones)</source>
        <translation>모델 입력 순서대로의 래스터 밴드, 예: 1,2,3 (카드 없음; 기본값: 앞쪽 밴드)</translation>
    </message>
    <message>
        <source>Class probability threshold (no card; segmentation, default 0.5)</source>
        <translation>클래스 확률 임계값 (카드 없음; segmentation, 기본값 0.5)</translation>
    </message>
    <message>
        <source>Save stated parameters as a card (in a copy of the model; no card)</source>
        <translation>지정한 매개변수를 카드로 저장 (모델 사본에; 카드 없음)</translation>
    </message>
    <message>
        <source>Remove small segments: Deepness' size (segmentation; default: the card's seg_small_segment)</source>
        <translation>작은 조각 제거: Deepness의 크기 (분할; 기본값: 카드의 seg_small_segment)</translation>
    </message>
    <message>
        <source>Polygon simplification tolerance in pixels (segmentation; default 1)</source>
        <translation>폴리곤 단순화 허용 오차(픽셀) (분할; 기본값 1)</translation>
    </message>
    <message>
        <source>Smallest polygon kept, in pixels (segmentation; default 0)</source>
        <translation>남길 가장 작은 폴리곤(픽셀) (분할; 기본값 0)</translation>
    </message>
    <message>
        <source>Detection confidence threshold (default: the card's det_conf, else 0.5)</source>
        <translation>탐지 신뢰도 임계값 (기본값: 카드의 det_conf, 없으면 0.5)</translation>
    </message>
    <message>
        <source>Detection overlap (IoU) above which the weaker box is dropped (default: det_iou_thresh, else 0.4)</source>
        <translation>이 겹침(IoU)을 넘으면 약한 박스를 버림 (기본값: det_iou_thresh, 없으면 0.4)</translation>
    </message>
    <message>
        <source>Query image (recognition: tiles are compared with it)</source>
        <translation>질의 영상 (인식: 타일을 이 영상과 비교)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Runs an ONNX model that carries a SatImpact model card (or Deepness metadata) over a raster and writes its outputs as a tiled GeoTIFF with the input's georeference.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; The card says which bands the model needs (by name), how raw values are scaled, the tile size and overlap, and how overlapping tiles are merged (weighted blending for continuous outputs, centre crop for classes). Nodata stays nodata. Dense models give a value per pixel; chip models give one value or vector per chip (one output pixel per chip). Inference with onnxruntime (Microsoft, https://onnxruntime.ai).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; Whatever the card lists. They are found from the raster's band descriptions, from the layout guessed from the band count (Sentinel-2 L1C 13 bands, L2A 12, Landsat 8/9 OLI 11 or 7, Landsat 7 ETM+ 8, Sentinel-1 VV/VH 2, RGB 3, RGBN 4), or from BAND_MAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; INPUT: any raster layer (a file, or an XYZ/WMS basemap or virtual raster, rendered first). MODEL: the name of a shipped or user model ({0}) or the path of an .onnx file. BAND_MAP (optional): NAME=BAND pairs with 1-based band numbers, e.g. &lt;code&gt;green=3,swir16=12&lt;/code&gt;, and/or a layout name (sentinel2_l1c, sentinel2_l2a, landsat89_oli, landsat89_sr, landsat7_etm, sentinel1, rgb, rgbn). EXTENT (optional): the area to process (default: the whole layer); a file is cut to it on its own pixel grid. RESOLUTION (optional): for layers that are not files (XYZ or WMS basemaps, virtual rasters), the ground resolution in metres at which QGIS renders the layer over EXTENT (default: the finest resolution on the model card). COMPRESSION (advanced): auto (default: ZSTD for class outputs, none for continuous values, which ZSTD makes about 30% smaller but, on a machine with few cores, at the cost of a slower run), zstd, deflate (for GDAL older than 2.3) or none; blocks that are all nodata are never stored. OUTPUT: GeoTIFF.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:runmodel -- INPUT=scene.tif MODEL=water_mndwi OUTPUT=index.tif&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;SatImpact 모델 카드(또는 Deepness 메타데이터)가 있는 ONNX 모델을 래스터에 실행하고, 그 출력을 입력 래스터의 지리참조를 유지한 타일 구조의 GeoTIFF로 저장합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; 카드에는 모델에 필요한 밴드(이름), 원시 값의 스케일 변환 방법, 타일 크기와 중첩 폭, 중첩된 타일의 병합 방법(연속값 출력은 가중 블렌딩, 클래스 출력은 중앙 자르기)이 적혀 있습니다. Nodata는 nodata로 유지됩니다. 조밀(dense) 모델은 픽셀마다 값을 내고, 칩 모델은 칩마다 값 또는 벡터 하나를 냅니다(칩마다 출력 픽셀 하나). 추론에는 onnxruntime (Microsoft, https://onnxruntime.ai)을 사용합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;밴드.&lt;/b&gt; 카드에 나열된 밴드. 래스터의 밴드 설명, 밴드 수로 추정한 배열(Sentinel-2 L1C 13 밴드, L2A 12, Landsat 8/9 OLI 11 또는 7, Landsat 7 ETM+ 8, Sentinel-1 VV/VH 2, RGB 3, RGBN 4), 또는 BAND_MAP에서 찾습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;매개변수.&lt;/b&gt; INPUT: 모든 래스터 레이어(파일, 또는 먼저 렌더링되는 XYZ/WMS 배경지도나 가상 래스터). MODEL: 기본 제공 또는 사용자 모델의 이름({0}) 또는 .onnx 파일 경로. BAND_MAP (선택): 1부터 시작하는 밴드 번호를 쓴 NAME=BAND 쌍(예: &lt;code&gt;green=3,swir16=12&lt;/code&gt;) 및/또는 배열 이름(sentinel2_l1c, sentinel2_l2a, landsat89_oli, landsat89_sr, landsat7_etm, sentinel1, rgb, rgbn). EXTENT (선택): 처리할 영역(기본값: 레이어 전체). 파일은 자체 픽셀 격자 그대로 이 영역으로 잘라냅니다. RESOLUTION (선택): 파일이 아닌 레이어(XYZ 또는 WMS 배경지도, 가상 래스터)를 QGIS가 EXTENT 위에 렌더링할 지상 해상도(미터)(기본값: 모델 카드에 있는 가장 세밀한 해상도). COMPRESSION (고급): auto (기본값: 클래스 출력은 ZSTD, 연속값 출력은 압축 없음. 연속값은 ZSTD로 약 30% 줄지만, 코어가 적은 컴퓨터에서는 실행이 느려집니다), zstd, deflate (GDAL 2.3 이전 버전용) 또는 none. 모두 nodata인 블록은 저장하지 않습니다. OUTPUT: GeoTIFF.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:runmodel -- INPUT=scene.tif MODEL=water_mndwi OUTPUT=index.tif&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train poverty model from an expert ranking (partial order of clusters)</source>
        <translation>전문가 순위로 빈곤 모델 학습 (클러스터 부분 순서)</translation>
    </message>
    <message>
        <source>Learns a 0-1 development score from image clusters and an expert partial order.</source>
        <translation>영상 클러스터와 전문가의 부분 순서로 0-1 발전 점수를 학습합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trains a development-score model from image chips grouped into clusters and a partial order of the clusters given by experts (which clusters are less developed than which), as in the human-machine method of Ahn et al. (2023, Nat. Commun. 14) and siScore (Han et al. 2020, KDD). Writes one ONNX model (chip in, score in [0, 1] out, higher = more developed) with its card, usable in satimpact:povertygrid, and an HTML report.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; Every chip is turned into features by FEATURIZER (default: the shipped MOSAIKS random convolutional features, Rolf et al. 2021; any carded chip featurizer ONNX works). A share HOLDOUT of every cluster's chips is held out (seeded). A linear scorer is trained with the logistic loss on every pair of training chips from clusters on different levels of the order, and squashed to [0, 1]. &lt;b&gt;Held-out figures.&lt;/b&gt; KENDALL_TAU and SPEARMAN are leave-cluster-out: the clusters are dealt by level into 5 folds, the scorer is retrained without each fold, and the held-out chips' scores are compared with their cluster's level (Spearman and Kendall tau, mean over folds). That is how the model will do on places it never saw; it needs 4 or more clusters on 2 or more levels (else NaN, with a warning). KENDALL_TAU_SAME_CLUSTERS and SPEARMAN_SAME_CLUSTERS use the held-out chips of the training clusters: optimistic, since chips of one cluster look alike. The report gives both and the mean score per cluster in a plot. Needs numpy and onnx only.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input.&lt;/b&gt; INPUT: a folder with one subfolder per cluster (named by the cluster id) holding the chips (PNG, JPEG or GeoTIFF, 8-bit RGB for the default featurizer); or instead RASTER + POLYGONS + CLUSTER_FIELD: chips of CHIP_SIZE metres are cut from the raster on a lattice inside every polygon (in the UTM zone of the area) and grouped by the polygon's cluster id; chips with less than half valid pixels are left out. ORDER: a text file, one relation per line: &lt;code&gt;a&amp;lt;b&lt;/code&gt; (a less developed than b) or &lt;code&gt;a=b=c&lt;/code&gt; (tied). A cycle, an unknown cluster id or a cluster missing from the order is an error. CHIP_SIZE (optional): the ground width of one chip in metres, stored in the card so the grid tool cuts chips of that size (e.g. 1870 for zoom-14 web tiles at 40 degrees).&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:trainpovertyranking -- INPUT=clusters ORDER=nk.txt OUTPUT_MODEL=score.onnx OUTPUT_REPORT=report.html&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;클러스터로 묶인 영상 칩과, 전문가가 정한 클러스터의 부분 순서(어느 클러스터가 어느 클러스터보다 덜 발전했는지)로 발전 점수 모델을 학습합니다. Ahn et al. (2023, Nat. Commun. 14)의 인간-기계 협업 방법과 siScore (Han et al. 2020, KDD)를 따릅니다. satimpact:povertygrid에서 사용할 수 있는 ONNX 모델 하나(칩 입력, [0, 1] 범위 점수 출력, 높을수록 더 발전)와 그 카드, 그리고 HTML 보고서를 만듭니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; 모든 칩은 FEATURIZER로 특징 벡터로 변환됩니다(기본값: 기본 제공 MOSAIKS 무작위 합성곱 특징, Rolf et al. 2021; 카드가 있는 칩 특징 추출기 ONNX는 모두 사용 가능). 각 클러스터의 칩 중 HOLDOUT 비율만큼을 검증용으로 떼어 둡니다(시드 고정). 순서상 서로 다른 수준에 있는 클러스터에서 뽑은 모든 학습 칩 쌍에 대해 로지스틱 손실로 선형 점수 함수를 학습하고, 그 값을 [0, 1]로 압축합니다. &lt;b&gt;보류 검증 수치.&lt;/b&gt; KENDALL_TAU와 SPEARMAN은 클러스터 단위 교차검증(leave-cluster-out) 수치입니다: 클러스터를 수준별로 5개 폴드에 나누어 배정하고, 폴드마다 그 폴드를 빼고 점수 함수를 다시 학습한 뒤, 보류한 칩의 점수를 해당 클러스터의 수준과 비교합니다(Spearman과 Kendall tau, 폴드 평균). 이것이 모델이 처음 보는 장소에서 보일 성능이며, 2개 이상의 수준에 걸친 4개 이상의 클러스터가 필요합니다(부족하면 경고와 함께 NaN). KENDALL_TAU_SAME_CLUSTERS와 SPEARMAN_SAME_CLUSTERS는 학습 클러스터의 보류 칩으로 계산하므로, 한 클러스터의 칩들이 서로 닮아 낙관적입니다. 보고서에는 두 가지 수치와 클러스터별 평균 점수 그래프가 모두 들어 있습니다. numpy와 onnx만 필요합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;입력.&lt;/b&gt; INPUT: 클러스터마다 하위 폴더(클러스터 ID를 이름으로 사용)가 있고 그 안에 칩(PNG, JPEG 또는 GeoTIFF; 기본 특징 추출기는 8비트 RGB)이 들어 있는 폴더. 또는 그 대신 RASTER + POLYGONS + CLUSTER_FIELD: 각 폴리곤 안의 격자점에서 CHIP_SIZE 미터 크기의 칩을 (해당 지역의 UTM 구역에서) 래스터에서 잘라내고, 폴리곤의 클러스터 ID로 묶습니다. 유효 픽셀이 절반 미만인 칩은 제외합니다. ORDER: 한 줄에 관계 하나씩 적은 텍스트 파일: &lt;code&gt;a&amp;lt;b&lt;/code&gt; (a가 b보다 덜 발전) 또는 &lt;code&gt;a=b=c&lt;/code&gt; (동순위). 순환 관계, 알 수 없는 클러스터 ID, 순서에 빠진 클러스터는 오류입니다. CHIP_SIZE (선택): 칩 하나의 지상 폭(미터). 격자 도구가 같은 크기로 칩을 자르도록 카드에 저장됩니다(예: 위도 40도에서 zoom-14 웹 타일은 1870).&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:trainpovertyranking -- INPUT=clusters ORDER=nk.txt OUTPUT_MODEL=score.onnx OUTPUT_REPORT=report.html&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chip folder (one subfolder per cluster)</source>
        <translation>칩 폴더 (클러스터마다 하위 폴더)</translation>
    </message>
    <message>
        <source>Or: imagery to cut chips from (with POLYGONS)</source>
        <translation>또는: 칩을 자를 영상 (POLYGONS와 함께)</translation>
    </message>
    <message>
        <source>Polygons of the clusters (with RASTER)</source>
        <translation>클러스터 폴리곤 (RASTER와 함께)</translation>
    </message>
    <message>
        <source>Cluster id field</source>
        <translation>클러스터 ID 필드</translation>
    </message>
    <message>
        <source>Band mapping for RASTER (empty: automatic)</source>
        <translation>RASTER의 밴드 지정 (비우면 자동)</translation>
    </message>
    <message>
        <source>Partial order of the clusters (a&lt;b, a=b=c)</source>
        <translation>클러스터 부분 순서 (a&lt;b, a=b=c)</translation>
    </message>
    <message>
        <source>Featurizer</source>
        <translation>특징 추출기</translation>
    </message>
    <message>
        <source>Ground width of one chip (metres, optional)</source>
        <translation>칩 하나의 지상 폭 (미터, 선택)</translation>
    </message>
    <message>
        <source>Share of each cluster's chips held out</source>
        <translation>클러스터별 검증용 칩 비율</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Kendall tau (leave-cluster-out)</source>
        <translation>Kendall tau (클러스터 단위 교차검증)</translation>
    </message>
    <message>
        <source>Spearman (leave-cluster-out)</source>
        <translation>Spearman (클러스터 단위 교차검증)</translation>
    </message>
    <message>
        <source>Kendall tau (held-out chips, same clusters)</source>
        <translation>Kendall tau (같은 클러스터의 보류 칩)</translation>
    </message>
    <message>
        <source>Spearman (held-out chips, same clusters)</source>
        <translation>Spearman (같은 클러스터의 보류 칩)</translation>
    </message>
    <message>
        <source>Train poverty model from survey points (ridge on image features)</source>
        <translation>조사 지점으로 빈곤 모델 학습 (영상 특징 릿지 회귀)</translation>
    </message>
    <message>
        <source>Fits a ridge regression from image features to a survey label, with a CV report.</source>
        <translation>영상 특징에서 조사 값으로 릿지 회귀를 학습하고 교차검증 보고서를 만듭니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trains a model that predicts a survey label (wealth index, consumption, ...) from imagery, following Jean et al. (2016, Science 353): features of the image around each survey cluster, then ridge regression, with the regularisation chosen by k-fold cross-validation. Writes one ONNX model (featurizer + regression in one graph, usable in satimpact:povertygrid) with its card and an HTML report: cross-validated r2 and Spearman, a scatter plot of predicted against observed, the regularisation chosen, and the points used and dropped, with the reasons.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; A chip of CHIP_SIZE metres (in the UTM zone of the area) is cut around each point and resampled to the featurizer's size; FEATURIZER turns it into features (default: the shipped MOSAIKS random convolutional features, Rolf et al. 2021, Nat. Commun. 12: &lt;i&gt;poverty_features_s2&lt;/i&gt; for Sentinel-2 reflectance with blue, green, red, NIR, SWIR bands, &lt;i&gt;poverty_features_rgb&lt;/i&gt; otherwise; any carded chip featurizer works, e.g. a CNN backbone exported elsewhere). Ridge alpha is picked from 15 values (0.01 to 1e5) by FOLDS-fold CV r2. &lt;b&gt;Displacement.&lt;/b&gt; Survey programmes such as DHS move cluster coordinates on purpose (up to 2 km urban, 5 km rural). With DISPLACEMENT &amp;gt; 0 the features of a point are the mean over 9 chips: one on the point and 8 on a ring of DISPLACEMENT/2 around it, approximating the expected features over where the cluster can truly lie. Points without a numeric label, outside the imagery or with less than half valid pixels are dropped and listed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; Those of the featurizer, found by name or layout, or from BAND_MAP. With the RGB featurizer, non-8-bit imagery is read as Sentinel-2 reflectance x 10000 and rendered to 8-bit true colour (2.5 x reflectance).&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:trainpovertysurvey -- INPUT=scene.tif POINTS=clusters.gpkg LABEL_FIELD=wealth CHIP_SIZE=1000 FOLDS=5 OUTPUT_MODEL=wealth.onnx OUTPUT_REPORT=wealth.html&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jean et al. (2016, Science 353)의 방법에 따라 영상으로부터 조사 라벨(자산 지수, 소비 등)을 예측하는 모델을 학습합니다: 각 조사 클러스터 주변 영상의 특징을 구한 뒤 릿지 회귀를 적용하며, 정규화 강도는 k-겹 교차검증으로 선택합니다. satimpact:povertygrid에서 사용할 수 있는 ONNX 모델 하나(특징 추출기와 회귀를 한 그래프에 포함)와 그 카드, 그리고 HTML 보고서(교차검증 r2와 스피어만 상관계수, 예측값 대 관측값 산점도, 선택된 정규화 강도, 사용된 지점과 제외된 지점 및 제외 사유)를 만듭니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; 각 지점 주변에서 CHIP_SIZE 미터 크기의 칩을 (해당 지역의 UTM 구역에서) 잘라 특징 추출기의 입력 크기로 리샘플링하고, FEATURIZER가 이를 특징 벡터로 변환합니다(기본값: 기본 제공 MOSAIKS 무작위 합성곱 특징, Rolf et al. 2021, Nat. Commun. 12: blue, green, red, NIR, SWIR 밴드가 있는 Sentinel-2 반사율에는 &lt;i&gt;poverty_features_s2&lt;/i&gt;, 그 밖에는 &lt;i&gt;poverty_features_rgb&lt;/i&gt;; 카드가 있는 칩 특징 추출기는 모두 사용 가능, 예: 다른 곳에서 내보낸 CNN 백본). 릿지 alpha는 15개 후보값(0.01에서 1e5까지) 가운데 FOLDS-겹 교차검증 r2로 선택합니다. &lt;b&gt;위치 변위.&lt;/b&gt; DHS 같은 조사 프로그램은 클러스터 좌표를 의도적으로 이동시킵니다(도시 최대 2 km, 농촌 최대 5 km). DISPLACEMENT &amp;gt; 0이면 한 지점의 특징은 칩 9개의 평균입니다: 지점 위에 하나, 그 주위 반경 DISPLACEMENT/2인 원 위에 8개를 두어, 클러스터가 실제로 위치할 수 있는 범위에 대한 특징의 기댓값을 근사합니다. 숫자 라벨이 없거나, 영상 범위 밖에 있거나, 유효 픽셀이 절반 미만인 지점은 제외하고 목록으로 남깁니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;밴드.&lt;/b&gt; 특징 추출기에 필요한 밴드로, 이름이나 배열, 또는 BAND_MAP으로 찾습니다. RGB 특징 추출기를 쓸 때 8비트가 아닌 영상은 Sentinel-2 반사율 x 10000으로 읽어 8비트 참색상(2.5 x 반사율)으로 렌더링합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:trainpovertysurvey -- INPUT=scene.tif POINTS=clusters.gpkg LABEL_FIELD=wealth CHIP_SIZE=1000 FOLDS=5 OUTPUT_MODEL=wealth.onnx OUTPUT_REPORT=wealth.html&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Imagery</source>
        <translation>영상</translation>
    </message>
    <message>
        <source>Survey points</source>
        <translation>조사 지점</translation>
    </message>
    <message>
        <source>Label field (wealth index, consumption, ...)</source>
        <translation>라벨 필드 (자산 지수, 소비 등)</translation>
    </message>
    <message>
        <source>Chip size (metres)</source>
        <translation>칩 크기 (미터)</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>교차검증 분할 수</translation>
    </message>
    <message>
        <source>Largest displacement of the survey locations (metres, 0 = exact)</source>
        <translation>조사 위치의 최대 변위 (미터, 0 = 정확)</translation>
    </message>
    <message>
        <source>Featurizer (empty: by the bands)</source>
        <translation>특징 추출기 (비우면 밴드에 따라)</translation>
    </message>
    <message>
        <source>Cross-validated r2</source>
        <translation>교차검증 r2</translation>
    </message>
    <message>
        <source>Cross-validated Spearman</source>
        <translation>교차검증 스피어만 상관</translation>
    </message>
    <message>
        <source>Ridge alpha chosen</source>
        <translation>선택된 릿지 alpha</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>사용한 지점 수</translation>
    </message>
    <message>
        <source>Water detection (optical or radar)</source>
        <translation>수체 탐지 (광학 또는 레이더)</translation>
    </message>
    <message>
        <source>Maps surface water (rivers, lakes, floods) from Sentinel-2, Landsat or Sentinel-1.</source>
        <translation>Sentinel-2, Landsat, Sentinel-1 영상에서 지표수(하천, 호수, 홍수)를 찾습니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Maps open surface water (rivers, lakes, reservoirs, flood water) in one scene. Writes a water mask (1 water, 0 land, 255 nodata), optionally the index the mask comes from and the water bodies as polygons with their area in m2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; A shipped water model computes an index per pixel, and the index is thresholded. &lt;i&gt;water_mndwi_evi&lt;/i&gt; (default where blue, green, red, NIR and SWIR 1.6 um exist): water where (MNDWI &amp;gt; NDVI or MNDWI &amp;gt; EVI) and EVI &amp;lt; 0.1 (Zou et al. 2017, Sci. Total Environ. 595; 2018, PNAS 115). &lt;i&gt;water_mndwi&lt;/i&gt;: MNDWI = (green - SWIR1) / (green + SWIR1) &amp;gt; 0 (Xu 2006, IJRS 27). &lt;i&gt;water_ndwi&lt;/i&gt;: NDWI = (green - NIR) / (green + NIR) &amp;gt; 0 (McFeeters 1996, IJRS 17), for imagery without SWIR. &lt;b&gt;Dark water.&lt;/b&gt; With MODEL and THRESHOLD empty, when the scene's own MNDWI split (Otsu) lies below 0 and the pixels above it are dark in the NIR (median reflectance &amp;lt; 5 %), water_mndwi with that split is used instead: dark or turbid lakes (the demo's lake patch: 15 % water where water_mndwi_evi found 4.5 %); the log says so. Sentinel-1: &lt;i&gt;water_sdwi&lt;/i&gt; (VV and VH): the mean of VV and VH in dB below -17.27 dB (the boundary of SDWI, Jia et al. 2019, where VV = VH); &lt;i&gt;water_s1_vv&lt;/i&gt; (VV only) and &lt;i&gt;water_s1_vh&lt;/i&gt; (VH only), chosen by themselves when the raster has only that band: their threshold is automatic by default, with a fixed -15 dB (VV) or -22 dB (VH) where no tile is bimodal.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Automatic threshold.&lt;/b&gt; Radar: split-based (Martinis et al. 2009, NHESS 9; Chini et al. 2017, IEEE TGRS 55): from the whole scene down to 32 px tiles, the tiles whose histogram is bimodal (two Gaussians fitted to it, Ashman's D &amp;gt; 2, the smaller &amp;gt;= 20 % of the tile) are kept, and Otsu (1979) or Kittler-Illingworth (1986) is applied to their pooled histogram; no bimodal tile: the model's fixed value. A calibration offset of the dB values moves the threshold by the same offset. Optical: Otsu on the scene's index histogram (1st-99th percentiles). The log and THRESHOLD_SOURCE say which applied.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands and units.&lt;/b&gt; By name: green and NIR and/or SWIR 1.6 um (Sentinel-2 B3/B8/B11, Landsat 8/9 B3/B5/B6, Landsat 7 B2/B4/B5; blue and red too for water_mndwi_evi), or Sentinel-1 VV and/or VH in either order (band descriptions such as VV or Sigma0_VV_db). Found from band descriptions, the band count, or BAND_MAP (a one-band radar raster without a description: &lt;code&gt;VV=1&lt;/code&gt; or &lt;code&gt;VH=1&lt;/code&gt;). Optical models expect reflectance x 10000. Radar: dB or linear power, told from the band descriptions or the values (a warning when unsure) or stated by RADAR_UNITS or in BAND_MAP (&lt;code&gt;VV=1,linear&lt;/code&gt;); 8-bit renderings (0-255) are refused, since a display stretch no longer holds backscatter.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; INPUT: the scene. MODEL: empty for the best model the bands allow, or water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh, or a carded .onnx of task 'water'. BAND_MAP: e.g. &lt;code&gt;green=3,nir=8,swir16=12&lt;/code&gt; or a layout name (landsat7_etm ...). THRESHOLD: overrides the card's default (and the automatic default of the single-polarisation models). AUTO_THRESHOLD: the automatic threshold for any model. THRESHOLD_METHOD: Otsu or Kittler-Illingworth. RADAR_UNITS: automatic, dB or linear power. OUTPUT: mask GeoTIFF. OUTPUT_INDEX: the index raster (optional). OUTPUT_POLYGONS: water bodies with area_m2 (true area: planar in a metric CRS, equal-area projection for EPSG:4326) and pixels (optional); MIN_AREA (m2) drops smaller bodies.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured&lt;/b&gt; on the Sen1Floods11 chip Spain_7370579 (IoU with the hand label): water_mndwi_evi 0.782 (Otsu 0.577), water_mndwi 0.612 (Otsu 0.720), water_ndwi 0.676 (Otsu 0.692); radar: VV and VH with water_sdwi 0.593 (automatic 0.593), VV only with water_s1_vv 0.568 automatic (fixed -15 dB: 0.561), VH only with water_s1_vh 0.562 automatic (fixed -22 dB: 0.565). One chip: indicative, not a benchmark. Clouds, shadows and snow are not masked.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Radar caveats.&lt;/b&gt; Wind- or rain-roughened water is bright and is missed; flooded vegetation and flooded towns brighten by double bounce and are missed; smooth dry surfaces (sand, tarmac, dry fields) and radar shadow look like water.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:waterdetection -- INPUT=scene.tif OUTPUT=water.tif OUTPUT_POLYGONS=water.gpkg MIN_AREA=1000&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;한 영상에서 개방 지표수(하천, 호수, 저수지, 홍수)를 지도화합니다. 수체 마스크(1 수체, 0 육지, 255 nodata)를 만들며, 선택적으로 마스크의 근거가 된 지수 래스터와 m2 단위 면적을 가진 수체 폴리곤도 만듭니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;방법.&lt;/b&gt; 기본 제공 수체 모델이 픽셀마다 지수를 계산하고, 그 지수에 임계값을 적용합니다. &lt;i&gt;water_mndwi_evi&lt;/i&gt; (blue, green, red, NIR, SWIR 1.6 um이 모두 있을 때 기본값): (MNDWI &amp;gt; NDVI 또는 MNDWI &amp;gt; EVI)이고 EVI &amp;lt; 0.1인 곳을 수체로 봅니다(Zou et al. 2017, Sci. Total Environ. 595; 2018, PNAS 115). &lt;i&gt;water_mndwi&lt;/i&gt;: MNDWI = (green - SWIR1) / (green + SWIR1) &amp;gt; 0 (Xu 2006, IJRS 27). &lt;i&gt;water_ndwi&lt;/i&gt;: NDWI = (green - NIR) / (green + NIR) &amp;gt; 0 (McFeeters 1996, IJRS 17), SWIR 밴드가 없는 영상용. &lt;b&gt;어두운 수체.&lt;/b&gt; MODEL과 THRESHOLD가 비어 있을 때, 영상 자체의 MNDWI 분할점(Otsu)이 0보다 낮고 그 위의 픽셀이 NIR에서 어두우면(반사율 중앙값 &amp;lt; 5 %) 그 분할점으로 water_mndwi를 대신 사용합니다: 어둡거나 탁한 호수(데모의 호수 패치: water_mndwi_evi가 4.5 %를 찾은 곳에서 수체 15 %). 로그에 기록됩니다. Sentinel-1: &lt;i&gt;water_sdwi&lt;/i&gt; (VV와 VH): dB 단위 VV와 VH의 평균이 -17.27 dB 미만인 곳(VV = VH일 때 SDWI의 경계, Jia et al. 2019). &lt;i&gt;water_s1_vv&lt;/i&gt; (VV만)와 &lt;i&gt;water_s1_vh&lt;/i&gt; (VH만)는 래스터에 그 밴드만 있을 때 자동으로 선택되며, 임계값은 기본적으로 자동이고 쌍봉형 타일이 없으면 고정값 -15 dB (VV) 또는 -22 dB (VH)를 씁니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;자동 임계값.&lt;/b&gt; 레이더: 분할 기반(Martinis et al. 2009, NHESS 9; Chini et al. 2017, IEEE TGRS 55). 영상 전체에서 32 px 타일까지 내려가며 히스토그램이 쌍봉형인 타일(히스토그램에 맞춘 두 정규분포의 Ashman's D &amp;gt; 2, 작은 쪽이 타일의 20 % 이상)을 골라, 그 합친 히스토그램에 Otsu (1979) 또는 Kittler-Illingworth (1986)를 적용합니다. 쌍봉형 타일이 없으면 모델의 고정값을 씁니다. dB 값에 보정 오프셋이 더해지면 임계값도 같은 만큼 움직입니다. 광학: 영상 지수 히스토그램(1-99 백분위수)에 Otsu. 어느 쪽이 적용되었는지는 로그와 THRESHOLD_SOURCE에 나옵니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;밴드와 단위.&lt;/b&gt; 이름 기준: green, NIR 및/또는 SWIR 1.6 um (Sentinel-2 B3/B8/B11, Landsat 8/9 B3/B5/B6, Landsat 7 B2/B4/B5; water_mndwi_evi에는 blue와 red도 필요), 또는 순서에 상관없는 Sentinel-1 VV 및/또는 VH (VV 또는 Sigma0_VV_db 같은 밴드 설명). 밴드 설명, 밴드 수 또는 BAND_MAP으로 찾습니다(설명이 없는 1밴드 레이더 래스터: &lt;code&gt;VV=1&lt;/code&gt; 또는 &lt;code&gt;VH=1&lt;/code&gt;). 광학 모델의 입력은 반사율 x 10000이어야 합니다. 레이더: dB 또는 선형 전력으로, 밴드 설명이나 값으로 판단하거나(확실하지 않으면 경고) RADAR_UNITS 또는 BAND_MAP(&lt;code&gt;VV=1,linear&lt;/code&gt;)으로 지정합니다. 8비트 렌더링(0-255)은 화면 표시용 스트레치가 후방산란 값을 없앴으므로 거부합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;매개변수.&lt;/b&gt; INPUT: 영상. MODEL: 비우면 밴드 구성에서 가능한 가장 좋은 모델을 사용하며, water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh 또는 task가 'water'인 카드가 있는 .onnx를 지정할 수 있습니다. BAND_MAP: 예: &lt;code&gt;green=3,nir=8,swir16=12&lt;/code&gt; 또는 배열 이름(landsat7_etm ...). THRESHOLD: 카드의 기본값(단일 편파 모델의 자동 기본값 포함) 대신 사용할 임계값. AUTO_THRESHOLD: 모든 모델에 자동 임계값 적용. THRESHOLD_METHOD: Otsu 또는 Kittler-Illingworth. RADAR_UNITS: 자동, dB 또는 선형 전력. OUTPUT: 마스크 GeoTIFF. OUTPUT_INDEX: 지수 래스터(선택). OUTPUT_POLYGONS: area_m2(실제 면적: 미터 단위 CRS에서는 평면 면적, EPSG:4326에서는 등적 투영)와 pixels 필드를 가진 수체 폴리곤(선택). MIN_AREA (m2)보다 작은 수체는 제외합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;측정 결과&lt;/b&gt;: Sen1Floods11 칩 Spain_7370579 기준(수작업 라벨과의 IoU): water_mndwi_evi 0.782 (Otsu 0.577), water_mndwi 0.612 (Otsu 0.720), water_ndwi 0.676 (Otsu 0.692). 레이더: VV와 VH로 water_sdwi 0.593 (자동 0.593), VV만으로 water_s1_vv 자동 0.568 (고정 -15 dB: 0.561), VH만으로 water_s1_vh 자동 0.562 (고정 -22 dB: 0.565). 칩 하나의 결과이므로 참고용이며 벤치마크가 아닙니다. 구름, 그림자, 눈은 마스킹하지 않습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;레이더의 한계.&lt;/b&gt; 바람이나 비로 거칠어진 수면은 밝게 보여 놓칩니다. 침수된 식생과 침수된 시가지는 이중 반사(double bounce)로 밝아져 놓칩니다. 매끈한 건조 지표(모래, 포장면, 마른 밭)와 레이더 그림자는 수체처럼 보입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:waterdetection -- INPUT=scene.tif OUTPUT=water.tif OUTPUT_POLYGONS=water.gpkg MIN_AREA=1000&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Input scene (optical or Sentinel-1)</source>
        <translation>입력 영상 (광학 또는 Sentinel-1)</translation>
    </message>
    <message>
        <source>Water model (empty: chosen from the bands; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh)</source>
        <translation>수체 모델 (비우면 밴드에 따라 선택; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. green=3,nir=8 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: green=3,nir=8 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Automatic threshold for any model (single-polarisation radar models use it by default)</source>
        <translation>모든 모델에 자동 임계값 적용 (단일 편파 레이더 모델은 기본으로 사용)</translation>
    </message>
    <message>
        <source>Water mask</source>
        <translation>수체 마스크</translation>
    </message>
    <message>
        <source>Water index</source>
        <translation>수체 지수</translation>
    </message>
    <message>
        <source>Water bodies</source>
        <translation>수체 폴리곤</translation>
    </message>
    <message>
        <source>Smallest water body, m2 (empty: 4 pixels)</source>
        <translation>최소 수체 면적, m2 (비우면: 4 픽셀)</translation>
    </message>
    <message>
        <source>Threshold used</source>
        <translation>사용한 임계값</translation>
    </message>
    <message>
        <source>How the threshold was found</source>
        <translation>임계값을 구한 방법</translation>
    </message>
    <message>
        <source>Water share of valid pixels</source>
        <translation>유효 픽셀 중 수체 비율</translation>
    </message>
    <message>
        <source>Water pixels</source>
        <translation>수체 픽셀 수</translation>
    </message>
    <message>
        <source>Water area over time (lakes, reservoirs, rivers)</source>
        <translation>시간에 따른 수면 면적 (호수, 저수지, 하천)</translation>
    </message>
    <message>
        <source>Water area per zone across a stack of dates, with occurrence, change classes and a report.</source>
        <translation>여러 날짜의 래스터에서 구역별 수면 면적을 출현 빈도, 변화 등급, 보고서와 함께 계산합니다.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tracks the surface water of lakes, reservoirs and river reaches over a stack of rasters of one area on different dates (the SDG 6.6.1 question): one row per zone per date with the water area in m2, a chart and a trend per zone, the water occurrence map and change classes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dates.&lt;/b&gt; From the DATES list (one per input, in the order of INPUTS: 2019-08-31 or 1985), else an ACQUISITION_DATE tag, a Sentinel-2/Landsat product name, a YYYYMMDD in the file name (NAIP m_..._20090818.tif) or a bare year (1985.tif, taken as 1 January). An input without a date is an error naming the file. A multi-band file holding several dates is split into groups of BANDS_PER_DATE bands (advanced), one date per group in band order, dated by DATES.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Water.&lt;/b&gt; Each date is classified as waterdetection would (same MODEL, BAND_MAP and THRESHOLD; the band map applies to every date). &lt;i&gt;water_ndwi&lt;/i&gt; (green, NIR) and &lt;i&gt;water_mndwi&lt;/i&gt; (green, SWIR1) threshold a normalised difference at 0, so only its sign matters: they suit 8-bit display-stretched imagery (NAIP, Landsat browse stacks) as well as reflectance. &lt;i&gt;water_mndwi_evi&lt;/i&gt; uses absolute reflectance (EVI) and needs reflectance x 10000; it is never chosen automatically for 8-bit data. &lt;i&gt;water_sdwi&lt;/i&gt; is for Sentinel-1 VV/VH in dB.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Alignment and areas.&lt;/b&gt; Each date's mask is made on its own grid, then read onto the grid of the first date (or REFERENCE) with nearest-neighbour resampling. Areas are true m2 per pixel in any CRS. ZONES: polygons (lakes, reservoirs, river reaches, shoreline buffers); empty: the area all dates cover. A pixel belongs to a zone when its centre is inside.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; OUTPUT: date, water_area_m2, valid_area_m2, water_share, cloud_or_nodata_share, low_observation (1 when less than MIN_OBSERVED of the zone was observed) and the zone's trend. A zone-date with no observed pixel gets NULL, never 0. OUTPUT_FREQUENCY: occurrence, the share of valid observations that were water (Pekel et al. 2016, Nature 540). OUTPUT_CHANGE: 1 permanent water, 2 new water (land first, water last), 3 lost water, 4 seasonal, 0 never water, 255 never observed. OUTPUT_REPORT: HTML with a line chart per zone, Sen's slope and Mann-Kendall p-value (unflagged dates, 3 or more) and the maps.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:waterseries -- INPUTS=1985.tif INPUTS=1990.tif INPUTS=1995.tif BAND_MAP=swir16=1,nir=2,red=3,green=4 OUTPUT=water.gpkg OUTPUT_REPORT=water.html&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;한 지역의 여러 날짜 래스터에서 호수, 저수지, 하천 구간의 수면을 추적합니다(SDG 6.6.1의 질문): 구역별·날짜별로 한 행씩 m2 단위 수면 면적, 구역마다 그래프와 추세, 수면 출현 빈도 지도와 변화 등급을 만듭니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;날짜.&lt;/b&gt; DATES 목록(INPUTS 순서대로 입력마다 하나: 2019-08-31 또는 1985), 없으면 ACQUISITION_DATE 태그, Sentinel-2/Landsat 제품 이름, 파일 이름의 YYYYMMDD(NAIP m_..._20090818.tif) 또는 연도만 있는 이름(1985.tif, 1월 1일로 봄). 날짜가 없는 입력은 파일 이름을 밝힌 오류입니다. 여러 날짜를 담은 다중 밴드 파일은 BANDS_PER_DATE(고급) 밴드씩 묶어 밴드 순서대로 묶음마다 한 날짜로 나누며, 날짜는 DATES에서 가져옵니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;수체.&lt;/b&gt; 날짜마다 waterdetection과 똑같이 분류합니다(같은 MODEL, BAND_MAP, THRESHOLD; 밴드 매핑은 모든 날짜에 적용). &lt;i&gt;water_ndwi&lt;/i&gt;(녹색, NIR)와 &lt;i&gt;water_mndwi&lt;/i&gt;(녹색, SWIR1)는 정규화 차이를 0에서 나누므로 부호만 중요합니다: 반사율뿐 아니라 8비트로 화면 늘이기한 영상(NAIP, Landsat 미리보기 스택)에도 맞습니다. &lt;i&gt;water_mndwi_evi&lt;/i&gt;는 절대 반사율(EVI)을 쓰므로 반사율 x 10000이 필요하며, 8비트 자료에는 자동으로 선택되지 않습니다. &lt;i&gt;water_sdwi&lt;/i&gt;는 dB 단위 Sentinel-1 VV/VH용입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;정렬과 면적.&lt;/b&gt; 날짜마다 자체 격자에서 마스크를 만든 뒤 첫 날짜(또는 REFERENCE)의 격자로 최근린 리샘플링해 읽습니다. 면적은 어느 좌표계에서나 픽셀별 실제 m2입니다. ZONES: 다각형(호수, 저수지, 하천 구간, 호안 버퍼); 비우면 모든 날짜가 덮는 지역. 픽셀 중심이 구역 안에 있으면 그 구역에 속합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;출력.&lt;/b&gt; OUTPUT: date, water_area_m2, valid_area_m2, water_share, cloud_or_nodata_share, low_observation(구역의 MIN_OBSERVED 미만이 관측되면 1)과 구역의 추세. 관측된 픽셀이 없는 구역-날짜는 0이 아니라 NULL입니다. OUTPUT_FREQUENCY: 출현 빈도, 유효 관측 중 수면이었던 비율(Pekel 외 2016, Nature 540). OUTPUT_CHANGE: 1 영구 수면, 2 새 수면(처음 육지, 마지막 수면), 3 사라진 수면, 4 계절 수면, 0 수면 아님, 255 관측 없음. OUTPUT_REPORT: 구역별 선 그래프, Sen 기울기와 Mann-Kendall p값(표시되지 않은 날짜 3개 이상), 지도가 담긴 HTML.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:waterseries -- INPUTS=1985.tif INPUTS=1990.tif INPUTS=1995.tif BAND_MAP=swir16=1,nir=2,red=3,green=4 OUTPUT=water.gpkg OUTPUT_REPORT=water.html&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Zones: lakes, reservoirs, river reaches (empty: the area all dates cover)</source>
        <translation>구역: 호수, 저수지, 하천 구간 (비우면 모든 날짜가 덮는 지역)</translation>
    </message>
    <message>
        <source>Water model (empty: chosen from the bands; water_ndwi or water_mndwi for 8-bit imagery)</source>
        <translation>수체 모델 (비우면 밴드로 선택; 8비트 영상에는 water_ndwi 또는 water_mndwi)</translation>
    </message>
    <message>
        <source>Automatic threshold per date (Otsu)</source>
        <translation>날짜별 자동 임계값 (Otsu)</translation>
    </message>
    <message>
        <source>Reference grid (empty: the first date's)</source>
        <translation>기준 격자 (비우면 첫 날짜의 격자)</translation>
    </message>
    <message>
        <source>Water area per zone and date</source>
        <translation>구역별·날짜별 수면 면적</translation>
    </message>
    <message>
        <source>Water occurrence</source>
        <translation>수면 출현 빈도</translation>
    </message>
    <message>
        <source>Water change classes</source>
        <translation>수면 변화 등급</translation>
    </message>
    <message>
        <source>Poverty from daytime imagery</source>
        <translation>주간 영상으로 본 빈곤</translation>
    </message>
    <message>
        <source>Random convolutional features</source>
        <translation>무작위 합성곱 특징</translation>
    </message>
    <message>
        <source>Human-machine development score</source>
        <translation>인간-기계 협업 개발 점수</translation>
    </message>
    <message>
        <source>Urban green space</source>
        <translation>도시 녹지</translation>
    </message>
    <message>
        <source>Water indices</source>
        <translation>수체 지수</translation>
    </message>
    <message>
        <source>Floating debris</source>
        <translation>부유 쓰레기</translation>
    </message>
    <message>
        <source>Flood data</source>
        <translation>홍수 데이터</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>&lt;p&gt;Satellite imagery to indicators for the Sustainable Development Goals, as Processing tools backed by carded ONNX models.&lt;/p&gt;&lt;p&gt;Licence: GNU GPL v2 or later. Models carry their own licence and citation in their card (see the model manager).&lt;/p&gt;</source>
        <translation>&lt;p&gt;위성 영상을 지속가능발전목표(SDG) 지표로 바꾸는 프로세싱 도구 모음이며, 카드가 있는 ONNX 모델로 동작합니다.&lt;/p&gt;&lt;p&gt;라이선스: GNU GPL v2 이상. 모델은 각자의 라이선스와 인용 정보를 카드에 담고 있습니다(모델 관리자 참조).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>empty: automatic, e.g. green=3,nir=8 or a layout name</source>
        <translation>비우면 자동, 예: green=3,nir=8 또는 배열 이름</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(찾지 못함)</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(자동)</translation>
    </message>
    <message>
        <source> - automatic</source>
        <translation> - 자동</translation>
    </message>
    <message>
        <source>Card for a model without one</source>
        <translation>카드가 없는 모델의 카드</translation>
    </message>
    <message>
        <source>graph's size, else 512</source>
        <translation>그래프의 크기, 없으면 512</translation>
    </message>
    <message>
        <source>15% of the tile</source>
        <translation>타일의 15%</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Model type</source>
        <translation>모델 유형</translation>
    </message>
    <message>
        <source>Tile size (px)</source>
        <translation>타일 크기(픽셀)</translation>
    </message>
    <message>
        <source>Tile overlap (px)</source>
        <translation>타일 겹침(픽셀)</translation>
    </message>
    <message>
        <source>Resolution of the training data (m/px)</source>
        <translation>학습 데이터의 해상도(m/픽셀)</translation>
    </message>
    <message>
        <source>Scale (model value = raw x scale + offset)</source>
        <translation>스케일 (모델 값 = 원시값 x 스케일 + 오프셋)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Mean per band (after scaling)</source>
        <translation>밴드별 평균 (스케일 적용 후)</translation>
    </message>
    <message>
        <source>Std per band (after scaling)</source>
        <translation>밴드별 표준편차 (스케일 적용 후)</translation>
    </message>
    <message>
        <source>Band names, in the model's input order</source>
        <translation>모델 입력 순서대로의 밴드 이름</translation>
    </message>
    <message>
        <source>Class probability threshold (segmentation)</source>
        <translation>클래스 확률 임계값 (segmentation)</translation>
    </message>
    <message>
        <source>SatImpact: install Python packages</source>
        <translation>SatImpact: 파이썬 패키지 설치</translation>
    </message>
    <message>
        <source>Looking for the Python interpreter that runs QGIS...</source>
        <translation>QGIS를 실행하는 파이썬 인터프리터를 찾는 중...</translation>
    </message>
    <message>
        <source>Cancelled; the package folder may be incomplete, run the installer again.</source>
        <translation>취소했습니다. 패키지 폴더가 불완전할 수 있으니 설치를 다시 실행하십시오.</translation>
    </message>
    <message>
        <source>Creating the plugin's package folder</source>
        <translation>플러그인 전용 패키지 폴더를 만드는 중</translation>
    </message>
    <message>
        <source>Installing with pip</source>
        <translation>pip로 설치하는 중</translation>
    </message>
    <message>
        <source>Checking that the packages import</source>
        <translation>패키지를 가져올 수 있는지 확인하는 중</translation>
    </message>
    <message>
        <source>see the log above</source>
        <translation>위의 로그를 참조하십시오</translation>
    </message>
    <message>
        <source>Installing {0} into {1} with the Python that runs QGIS. System packages are not touched.</source>
        <translation>QGIS를 실행하는 파이썬으로 {0}을(를) {1}에 설치합니다. 시스템 패키지는 변경하지 않습니다.</translation>
    </message>
    <message>
        <source>Could not find the Python interpreter that runs QGIS (looked at: {0}).</source>
        <translation>QGIS를 실행하는 파이썬 인터프리터를 찾을 수 없습니다(확인한 곳: {0}).</translation>
    </message>
    <message>
        <source>Installed and checked: {0}. Restart QGIS to use SatImpact.</source>
        <translation>설치 및 확인 완료: {0}. SatImpact를 사용하려면 QGIS를 다시 시작하십시오.</translation>
    </message>
    <message>
        <source>Could not start {0}.</source>
        <translation>{0}을(를) 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Failed (exit code {0}): {1}</source>
        <translation>실패(종료 코드 {0}): {1}</translation>
    </message>
    <message>
        <source>SatImpact model manager</source>
        <translation>SatImpact 모델 관리자</translation>
    </message>
    <message>
        <source>Import model...</source>
        <translation>모델 가져오기...</translation>
    </message>
    <message>
        <source>Remove user model</source>
        <translation>사용자 모델 삭제</translation>
    </message>
    <message>
        <source>Add a card to a model...</source>
        <translation>모델에 카드 추가...</translation>
    </message>
    <message>
        <source>Import an ONNX model</source>
        <translation>ONNX 모델 가져오기</translation>
    </message>
    <message>
        <source>An ONNX model without a card</source>
        <translation>카드가 없는 ONNX 모델</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <source>Replace model</source>
        <translation>모델 교체</translation>
    </message>
    <message>
        <source>Model refused</source>
        <translation>모델 거부됨</translation>
    </message>
    <message>
        <source>Remove the user model '{0}'?</source>
        <translation>사용자 모델 '{0}'을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>사용 불가</translation>
    </message>
    <message>
        <source>{0}. Replace it?</source>
        <translation>{0}. 교체하시겠습니까?</translation>
    </message>
    <message>
        <source>Choose an .onnx model file</source>
        <translation>.onnx 모델 파일 선택</translation>
    </message>
    <message>
        <source>ONNX model</source>
        <translation>ONNX 모델</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>Automatic (from the bands)</source>
        <translation>자동 (밴드 구성에서 선택)</translation>
    </message>
    <message>
        <source>Edit model...</source>
        <translation>모델 편집...</translation>
    </message>
    <message>
        <source>{0} (percentile {1}-{2})</source>
        <translation>{0} (백분위 {1}-{2})</translation>
    </message>
    <message>
        <source>Floating debris: FDI and NDVI (Biermann et al. 2020), Sentinel-2A wavelengths</source>
        <translation>부유 쓰레기: FDI와 NDVI (Biermann 외 2020), Sentinel-2A 파장</translation>
    </message>
    <message>
        <source>Floating debris: FDI and NDVI (Biermann et al. 2020), Sentinel-2B wavelengths</source>
        <translation>부유 쓰레기: FDI와 NDVI (Biermann 외 2020), Sentinel-2B 파장</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VV, VH in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VV, VH, dB)</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VH in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VH, dB)</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VV in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VV, dB)</translation>
    </message>
    <message>
        <source>Vegetation from NDVI (green space, NDVI &gt; 0.2)</source>
        <translation>NDVI 기반 식생 (녹지, NDVI &gt; 0.2)</translation>
    </message>
    <message>
        <source>Vegetation from RGB only (logistic on colour ratios, no NIR)</source>
        <translation>RGB만으로 식생 탐지 (색 비율 로지스틱 회귀, 근적외선 없음)</translation>
    </message>
    <message>
        <source>NDVI (normalised difference vegetation index)</source>
        <translation>NDVI (정규식생지수)</translation>
    </message>
    <message>
        <source>Random convolutional features (MOSAIKS), RGB 8-bit</source>
        <translation>무작위 합성곱 특징 (MOSAIKS), RGB 8비트</translation>
    </message>
    <message>
        <source>Random convolutional features (MOSAIKS), Sentinel-2 multispectral</source>
        <translation>무작위 합성곱 특징 (MOSAIKS), Sentinel-2 다중분광</translation>
    </message>
    <message>
        <source>Relative development score, North Korea (normalised random features, ridge ranking)</source>
        <translation>상대 발전 점수, 북한 (정규화한 무작위 특징, 릿지 순위 학습)</translation>
    </message>
    <message>
        <source>Water: MNDWI (Xu 2006), green/SWIR 1.6 um</source>
        <translation>수체: MNDWI (Xu 2006), 녹색/단파적외선 1.6 um</translation>
    </message>
    <message>
        <source>Water: MNDWI with vegetation tests (Zou et al. 2017/2018)</source>
        <translation>수체: 식생 검사를 더한 MNDWI (Zou 외 2017/2018)</translation>
    </message>
    <message>
        <source>Water: NDWI (McFeeters 1996), green/NIR</source>
        <translation>수체: NDWI (McFeeters 1996), 녹색/근적외선</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VH backscatter (single polarisation, dB)</source>
        <translation>수체: Sentinel-1 VH 후방산란 (단일 편파, dB)</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VV backscatter (single polarisation, dB)</source>
        <translation>수체: Sentinel-1 VV 후방산란 (단일 편파, dB)</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VV + VH backscatter (dual polarisation, dB)</source>
        <translation>수체: Sentinel-1 VV + VH 후방산란 (이중 편파, dB)</translation>
    </message>
    <message>
        <source>Flood impact on poverty</source>
        <translation>홍수가 빈곤에 미치는 영향</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>작업 흐름</translation>
    </message>
    <message>
        <source>Flood change between two scenes, flooded share per grid cell, development scores of the same cells, and the cells that are both flooded (damaged) and among the least developed. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Flood impact on poverty' -- before=pre.tif after=post.tif imagery=pre.tif flood:flood_change=change.tif flood:flood_cells=TEMPORARY_OUTPUT poverty:cells_scored=cells.gpkg poor_and_flooded:poor_and_flooded=priority.gpkg&lt;/code&gt; (qgis_process needs every output named; TEMPORARY_OUTPUT for those you do not keep). The development scores need imagery larger than one model chip (1.87 km); cells whose chip has too little valid imagery get NULL scores.</source>
        <translation>두 영상 사이의 홍수 변화, 격자별 침수 비율, 같은 격자의 발전 점수, 그리고 침수(피해)되었으면서 가장 덜 발전한 격자를 구합니다. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Flood impact on poverty' -- before=pre.tif after=post.tif imagery=pre.tif flood:flood_change=change.tif flood:flood_cells=TEMPORARY_OUTPUT poverty:cells_scored=cells.gpkg poor_and_flooded:poor_and_flooded=priority.gpkg&lt;/code&gt; (qgis_process에는 모든 출력의 이름이 필요합니다. 보관하지 않을 출력은 TEMPORARY_OUTPUT으로 두세요). 발전 점수를 구하려면 영상이 모델 칩 하나(1.87 km)보다 커야 합니다. 칩 안의 유효 영상이 너무 적은 격자는 점수가 NULL이 됩니다.</translation>
    </message>
    <message>
        <source>Scene after (or during) the flood.</source>
        <translation>홍수 이후(또는 홍수 중) 영상.</translation>
    </message>
    <message>
        <source>Scene before the flood (Sentinel-2, Landsat or Sentinel-1).</source>
        <translation>홍수 이전 영상 (Sentinel-2, Landsat 또는 Sentinel-1).</translation>
    </message>
    <message>
        <source>Grid cell size in metres.</source>
        <translation>격자 크기(미터).</translation>
    </message>
    <message>
        <source>Share of a cell newly flooded above which it counts as damaged.</source>
        <translation>격자에서 새로 침수된 비율이 이 값을 넘으면 피해 격자로 봅니다.</translation>
    </message>
    <message>
        <source>Imagery to score development on (RGB or Sentinel-2); often the before scene.</source>
        <translation>발전 점수를 매길 영상 (RGB 또는 Sentinel-2). 보통 홍수 이전 영상입니다.</translation>
    </message>
    <message>
        <source>Cells at or below this percentile of the development score count as poor.</source>
        <translation>발전 점수가 이 백분위수 이하인 격자를 빈곤 격자로 봅니다.</translation>
    </message>
    <message>
        <source>Scene after the flood</source>
        <translation>홍수 이후 영상</translation>
    </message>
    <message>
        <source>Imagery for development scores</source>
        <translation>발전 점수용 영상</translation>
    </message>
    <message>
        <source>Cells both poor and flooded</source>
        <translation>빈곤하면서 침수된 격자</translation>
    </message>
    <message>
        <source>Poor cells: development percentile at or below</source>
        <translation>빈곤 격자: 발전 점수 백분위수 기준 (이하)</translation>
    </message>
    <message>
        <source>Cells with flood figures and development scores</source>
        <translation>침수 수치와 발전 점수가 있는 격자</translation>
    </message>
    <message>
        <source>Flood change per cell</source>
        <translation>격자별 홍수 변화</translation>
    </message>
    <message>
        <source>Development score of the same cells</source>
        <translation>같은 격자의 발전 점수</translation>
    </message>
    <message>
        <source>Green space per person by district</source>
        <translation>구역별 1인당 녹지</translation>
    </message>
    <message>
        <source>Green ratio and green area per person for each district of a summer scene, ranked from the least to the most green space per person (green_rank 1 = least). &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district' -- scene=summer.tif districts=districts.gpkg population=pop ranked:districts_green=green.gpkg&lt;/code&gt;</source>
        <translation>여름 영상에서 구역마다 녹지 비율과 1인당 녹지 면적을 구하고, 1인당 녹지가 가장 적은 구역부터 순위를 매깁니다 (green_rank 1 = 가장 적음). &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district' -- scene=summer.tif districts=districts.gpkg population=pop ranked:districts_green=green.gpkg&lt;/code&gt;</translation>
    </message>
    <message>
        <source>District polygons.</source>
        <translation>구역 폴리곤.</translation>
    </message>
    <message>
        <source>Population field of the districts.</source>
        <translation>구역의 인구 필드.</translation>
    </message>
    <message>
        <source>Summer imagery (Sentinel-2, Landsat, or RGB).</source>
        <translation>여름 영상 (Sentinel-2, Landsat 또는 RGB).</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>구역</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation>인구 필드</translation>
    </message>
    <message>
        <source>Districts with green space per person</source>
        <translation>1인당 녹지가 있는 구역</translation>
    </message>
    <message>
        <source>Summer scene</source>
        <translation>여름 영상</translation>
    </message>
    <message>
        <source>Green ratio per district</source>
        <translation>구역별 녹지 비율</translation>
    </message>
    <message>
        <source>Rank by green area per person (1 = least)</source>
        <translation>1인당 녹지 면적 순위 (1 = 가장 적음)</translation>
    </message>
    <message>
        <source>Green space per person by district over years</source>
        <translation>연도별 구역별 1인당 녹지</translation>
    </message>
    <message>
        <source>The green space per person workflow over a stack of summer scenes: green ratio, green area and green area per person for each district on each date, with the season check per date and the trend of the green ratio per district (satimpact:greenseries). The one population field is used for every date. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district over years' -- scenes=2016.tif scenes=2018.tif scenes=2020.tif districts=districts.gpkg population=pop per_person:districts_green_by_year=green.gpkg&lt;/code&gt;</source>
        <translation>여러 여름 영상에 대한 1인당 녹지 작업 흐름: 날짜마다 구역별 녹지 비율, 녹지 면적, 1인당 녹지 면적을 구하고, 날짜별 계절 검사와 구역별 녹지 비율 추세를 함께 냅니다 (satimpact:greenseries). 인구 필드 하나를 모든 날짜에 씁니다. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district over years' -- scenes=2016.tif scenes=2018.tif scenes=2020.tif districts=districts.gpkg population=pop per_person:districts_green_by_year=green.gpkg&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Optional: one date per scene, in order (e.g. 2016,2018,2020), when names and tags lack them.</source>
        <translation>선택: 파일 이름과 태그에 날짜가 없을 때 영상마다 날짜 하나씩, 순서대로 (예: 2016,2018,2020).</translation>
    </message>
    <message>
        <source>Summer imagery of the same area on different dates (Sentinel-2, Landsat, NAIP or RGB).</source>
        <translation>같은 지역을 여러 날짜에 찍은 여름 영상 (Sentinel-2, Landsat, NAIP 또는 RGB).</translation>
    </message>
    <message>
        <source>Dates, one per scene (empty: from tags or names)</source>
        <translation>날짜, 영상마다 하나 (비우면 태그나 이름에서)</translation>
    </message>
    <message>
        <source>Districts with green space per person, per date</source>
        <translation>날짜별 1인당 녹지가 있는 구역</translation>
    </message>
    <message>
        <source>Summer scenes (one per date)</source>
        <translation>여름 영상 (날짜마다 하나)</translation>
    </message>
    <message>
        <source>Green ratio per district and date</source>
        <translation>구역별·날짜별 녹지 비율</translation>
    </message>
    <message>
        <source>Green area per person</source>
        <translation>1인당 녹지 면적</translation>
    </message>
</context>
<context>
    <name>ModelChooserWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>BandMapWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>WidgetWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
</TS>
