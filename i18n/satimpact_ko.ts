<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SatImpact</name>
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
        <source>Installed; restart QGIS to use SatImpact.</source>
        <translation>설치되었습니다. SatImpact를 사용하려면 QGIS를 다시 시작하세요.</translation>
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
        <translation type="unfinished"></translation>
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
        <source>Water and floods</source>
        <translation>수체와 홍수</translation>
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
        <source>&lt;p&gt;Compares a scene before and a scene after a flood and maps what became water: &lt;b&gt;0 dry, 1 permanent water, 2 new flood, 3 receded water&lt;/b&gt; (255 nodata), with figures per grid cell (or per zone) that relief teams can act on.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Alignment.&lt;/b&gt; AFTER is aligned onto BEFORE's grid (CRS, pixel size and alignment), cut to the area both scenes cover; AFTER is resampled bilinearly (or averaged where its pixels are much finer). The log says which grid. Scenes that do not overlap are an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Methods.&lt;/b&gt; MODEL empty: two Sentinel-1 scenes (VV, VH in dB) go through the &lt;b&gt;log-ratio&lt;/b&gt; change detector flood_s1_logratio (10 log10 after/before = dB difference; Bazi et al. 2005, IEEE TGRS; VV as in Clement et al. 2018): new flood where the after scene is water, the before scene is not, and VV fell by more than Otsu's threshold (Otsu 1979) on the log-ratio of the after-water pixels, at least 3 dB; receded water mirrors it. Otherwise &lt;b&gt;water maps are differenced&lt;/b&gt;: each date's water model is chosen from its own bands (MNDWI-based rules where a SWIR band exists, NDWI otherwise, Sentinel-1 backscatter for radar; see satimpact:waterdetection), so an optical scene before and a radar scene after also work. MODEL may name a water model to use on both dates, or a carded two-input change model (inputs &lt;i&gt;before&lt;/i&gt; and &lt;i&gt;after&lt;/i&gt;, e.g. a Siamese network trained elsewhere): a &lt;i&gt;class&lt;/i&gt; output is mapped by its class names (dry, permanent water, new flood, receded water and synonyms); a one-channel &lt;i&gt;probability&lt;/i&gt; is the probability of new flood (above the card's threshold: new flood, else dry); several probability channels with class names: the most probable class.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cells.&lt;/b&gt; Square cells of CELL_SIZE metres in BEFORE's CRS if metric, else in the UTM zone of the scene; or the ZONES polygons. A pixel counts in the cell holding its centre; areas are true areas (equal-area projection). Fields: flooded_area_m2, flooded_share and permanent_water_share (shares of the valid area; nodata never counts), receded_share, valid_share (valid area over the cell's area), valid_area_m2, damaged (1 where flooded_share &gt; DAMAGE_THRESHOLD).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; Whatever each model needs, found by name (band descriptions, the layout guessed from the band count) or from BAND_MAP_BEFORE / BAND_MAP_AFTER (e.g. &lt;code&gt;green=3,swir16=6&lt;/code&gt; or a layout name such as &lt;code&gt;landsat89_sr&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:floodchange -- BEFORE=before.tif AFTER=after.tif CELL_SIZE=1000 DAMAGE_THRESHOLD=0.1 OUTPUT=change.tif OUTPUT_GRID=cells.gpkg&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
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
        <source>Grid cell size (metres)</source>
        <translation>격자 크기 (미터)</translation>
    </message>
    <message>
        <source>Zones (polygons instead of the grid)</source>
        <translation>구역 (격자 대신 사용할 폴리곤)</translation>
    </message>
    <message>
        <source>Damage threshold (share of a cell newly flooded)</source>
        <translation>피해 기준 (격자 내 신규 침수 비율)</translation>
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
        <source>Indicators</source>
        <translation>지표</translation>
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
        <source>&lt;p&gt;Measures how much of each zone (city boundaries, districts) or grid cell is green: a vegetation mask from a green model, then per zone the green area, the valid area and their ratio, and the green area per person when a population field is given. This is the urban green space measure of Kwon et al. (2021), &lt;i&gt;Urban green space and happiness in developed countries&lt;/i&gt;, EPJ Data Science 10:28, which used summer Sentinel-2 imagery.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; &lt;code&gt;green_ndvi&lt;/code&gt;: vegetation where NDVI = (NIR - red) / (NIR + red) &gt; 0.2, the NDVI above which a surface is no longer bare soil (Sobrino et al. 2004, Remote Sens. Environ. 90:434). &lt;code&gt;green_rgb&lt;/code&gt;, for imagery without NIR (aerial photos, basemaps): a logistic model on the colour ratios ln(G/R), ln(G/B), fitted to the NDVI mask of real Sentinel-2 scenes (its agreement with NDVI is in its model card). Areas are true square metres, also for EPSG:4326 rasters: every pixel's area is computed from its corners in a Lambert azimuthal equal-area projection centred on the scene. A pixel belongs to a zone when its &lt;b&gt;centre&lt;/b&gt; lies inside it. Nodata and cloud pixels count in neither the green nor the valid area. Cloud: Sentinel-2 SCL classes 3, 8, 9, 10 where an SCL band exists; otherwise (green_ndvi) blue reflectance above 0.2 unless NDSI &gt;= 0.4 (snow, which is valid, non-green ground). The RGB model has no cloud test.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Season check.&lt;/b&gt; The acquisition date is read from the raster's ACQUISITION_DATE tag or a Sentinel-2/Landsat product name in the file name (S2A_MSIL2A_20170613T101031...) and judged against the local summer (June-September north of the tropics, December-February south of them); the scene also looks leaf-off when its greenest 5 % of pixels have NDVI below 0.5, or when snow covers more than 10 %. Any doubt is logged as a warning and written in the season_warning field.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; green_ndvi: red and NIR; green_rgb: red, green, blue. Blue, green and SWIR 1.6 are used for the cloud and snow test where present. Bands are found by name, by layout, or BAND_MAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; INPUT: the raster. MODEL (optional): green_ndvi, green_rgb or a carded .onnx green model; empty: green_ndvi when the raster has red and NIR, else green_rgb. BAND_MAP (optional): e.g. &lt;code&gt;red=3,nir=4&lt;/code&gt; or a layout name. ZONES (optional): polygons; empty: a grid of CELL_SIZE metres (default 1000) over the raster, in the raster's CRS when it is in true metres (UTM, national grids), else (EPSG:4326, Web Mercator) in the UTM zone of the scene. POPULATION_FIELD (optional): numeric field of ZONES; a population of 0 or less gives an empty green_m2_per_person. OUTPUT: zones or cells with green_ratio (0..1), green_area_m2, valid_area_m2, valid_fraction (valid area / zone area), zone_area_m2, cloud_area_m2, green_m2_per_person, season_warning. OUTPUT_MASK (optional): vegetation mask GeoTIFF (1 vegetation, 0 other, 2 cloud, 255 nodata). Zones that do not overlap the raster get zero valid area and a warning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:greenratio -- INPUT=scene.tif ZONES=districts.gpkg POPULATION_FIELD=pop OUTPUT=green.gpkg OUTPUT_MASK=vegetation.tif&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
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
        <source>Zones (city boundaries, districts; empty: a grid of cells)</source>
        <translation>구역 (도시 경계, 행정구역; 비우면 격자)</translation>
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
        <source>Poverty and development</source>
        <translation>빈곤과 발전</translation>
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
        <source>&lt;p&gt;Estimates a relative economic-development score for every cell of a square grid (default 1 km) or for every polygon of ZONES, from daytime satellite imagery. Cells are built in a metric CRS suited to the area (the UTM zone of the raster's centre, polar stereographic near the poles), also when the raster is in EPSG:4326 or EPSG:3857, so a 1000 m cell is 1 km on the ground; the output is in that CRS (zones keep their own).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; A chip model (one score per image chip) scores chips of the ground size its card states, resampled from the raster into the metric CRS by area averaging. A cell or zone no larger than one chip gets the chip centred on it (so a 1 km cell is scored with the ~1.9 km of context the model was trained on); a larger one gets the mean score of the chips whose centres fall inside it, as the papers aggregate to districts. Chips with less than MIN_VALID valid pixels are not scored, and a cell with no scored chip gets no score (NULL), never a zero. The default model &lt;i&gt;poverty_nk_siscore&lt;/i&gt; is a small CNN trained on Sentinel-2 true-colour tiles of North Korea with the experts' partial order of Ahn et al. (2023, Nat. Commun. 14) and the siScore loss of Han et al. (2020, KDD); the approach follows Jean et al. (2016, Science 353) and MOSAIKS (Rolf et al. 2021, Nat. Commun. 12). The score is relative (0 least, 1 most developed), not money; score_percentile ranks cells within this run.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; red, green, blue. 8-bit true-colour imagery (RGB basemaps, web tiles) is used as it is; a Sentinel-2 reflectance scene (L1C/L2A, values x 10000) is converted to the 8-bit true-colour rendering the model expects (2.5 x reflectance, clipped, x 255), which the log says. Bands are found by name or layout, or from BAND_MAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; INPUT: raster layer. MODEL: shipped or user chip model with a score output (default poverty_nk_siscore; models from satimpact:trainpovertysurvey or satimpact:trainpovertyranking work too). CELL_SIZE: metres. ZONES (optional): polygons scored instead of the grid. MIN_VALID: least share of valid pixels in a chip. OUTPUT: cells or zones with score, score_percentile (% of scored units at or below), valid_share, chips, chips_scored. OUTPUT_RASTER (optional, grid only): cell scores as a GeoTIFF, one pixel per cell.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:povertygrid -- INPUT=mosaic.tif CELL_SIZE=1000 OUTPUT=cells.gpkg&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
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
        <source>Zones to score instead of a grid (optional)</source>
        <translation>격자 대신 점수를 매길 구역 (선택)</translation>
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
        <source>Extent (layers that are not files: XYZ, WMS ...; default: layer extent)</source>
        <translation>범위 (XYZ, WMS 등 파일이 아닌 레이어; 기본값: 레이어 범위)</translation>
    </message>
    <message>
        <source>Ground resolution in metres (layers that are not files; default: the model card's)</source>
        <translation>지상 해상도 (미터, 파일이 아닌 레이어; 기본값: 모델 카드 값)</translation>
    </message>
    <message>
        <source>Model output</source>
        <translation>모델 출력</translation>
    </message>
    <message>
        <source>Model card summary</source>
        <translation>모델 카드 요약</translation>
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
        <source>&lt;p&gt;Trains a development-score model from image chips grouped into clusters and a partial order of the clusters given by experts (which clusters are less developed than which), as in the human-machine method of Ahn et al. (2023, Nat. Commun. 14) and siScore (Han et al. 2020, KDD). Writes one ONNX model (chip in, score in [0, 1] out, higher = more developed) with its card, usable in satimpact:povertygrid, and an HTML report.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; Every chip is turned into features by FEATURIZER (default: the shipped MOSAIKS random convolutional features, Rolf et al. 2021; any carded chip featurizer ONNX works). A share HOLDOUT of every cluster's chips is held out (seeded). A linear scorer is trained with the logistic loss on every pair of training chips from clusters on different levels of the order, and squashed to [0, 1]. The report gives Kendall's tau between the held-out cluster mean scores and the order, the Spearman correlation of held-out chip scores with their cluster's level, and the mean score per cluster in a plot. Needs numpy and onnx only.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input.&lt;/b&gt; INPUT: a folder with one subfolder per cluster (named by the cluster id) holding the chips (PNG, JPEG or GeoTIFF, 8-bit RGB for the default featurizer). ORDER: a text file, one relation per line: &lt;code&gt;a&amp;lt;b&lt;/code&gt; (a less developed than b) or &lt;code&gt;a=b=c&lt;/code&gt; (tied). A cycle, an unknown cluster id or a cluster missing from the order is an error. CHIP_SIZE (optional): the ground width of one chip in metres, stored in the card so the grid tool cuts chips of that size (e.g. 1870 for zoom-14 web tiles at 40 degrees).&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:trainpovertyranking -- INPUT=clusters ORDER=nk.txt OUTPUT_MODEL=score.onnx OUTPUT_REPORT=report.html&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chip folder (one subfolder per cluster)</source>
        <translation>칩 폴더 (클러스터마다 하위 폴더)</translation>
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
        <source>Kendall tau (held out)</source>
        <translation>켄달 타우 (검증)</translation>
    </message>
    <message>
        <source>Spearman (held out)</source>
        <translation>스피어만 상관 (검증)</translation>
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
        <translation type="unfinished"></translation>
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
        <source>&lt;p&gt;Maps open surface water (rivers, lakes, reservoirs, flood water) in one scene. Writes a water mask (1 water, 0 land, 255 nodata), optionally the index the mask comes from and the water bodies as polygons with their area in m2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; A shipped water model computes an index per pixel, and the index is thresholded. &lt;i&gt;water_mndwi_evi&lt;/i&gt; (default where blue, green, red, NIR and SWIR 1.6 um exist): water where (MNDWI &amp;gt; NDVI or MNDWI &amp;gt; EVI) and EVI &amp;lt; 0.1 (Zou et al. 2017, Sci. Total Environ. 595; 2018, PNAS 115). &lt;i&gt;water_mndwi&lt;/i&gt;: MNDWI = (green - SWIR1) / (green + SWIR1) &amp;gt; 0 (Xu 2006, IJRS 27). &lt;i&gt;water_ndwi&lt;/i&gt;: NDWI = (green - NIR) / (green + NIR) &amp;gt; 0 (McFeeters 1996, IJRS 17), for imagery without SWIR. &lt;i&gt;water_sdwi&lt;/i&gt; (Sentinel-1 VV, VH in dB): SDWI = ln(10 VV VH) - 8 &amp;gt; 0 (Jia et al. 2019), written as the VV/VH geometric-mean backscatter -sqrt(VV VH) below -17.27 dB. AUTO_THRESHOLD replaces the card's threshold by Otsu's (1979) threshold of the scene's own index histogram (between its 1st and 99th percentiles), computed tile by tile.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bands.&lt;/b&gt; By name: green and NIR and/or SWIR 1.6 um (Sentinel-2 B3/B8/B11, Landsat 8/9 B3/B5/B6, Landsat 7 B2/B4/B5; blue and red too for water_mndwi_evi), or Sentinel-1 VV and VH in dB. Found from band descriptions, the band count, or BAND_MAP. Optical models expect reflectance x 10000.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters.&lt;/b&gt; INPUT: the scene. MODEL: empty for the best model the bands allow, or water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, or a carded .onnx of task 'water'. BAND_MAP: e.g. &lt;code&gt;green=3,nir=8,swir16=12&lt;/code&gt; or a layout name (landsat7_etm ...). THRESHOLD: overrides the card's default. AUTO_THRESHOLD: Otsu on this scene. OUTPUT: mask GeoTIFF. OUTPUT_INDEX: the index raster (optional). OUTPUT_POLYGONS: water bodies with area_m2 (true area: planar in a metric CRS, equal-area projection for EPSG:4326) and pixels (optional); MIN_AREA (m2) drops smaller bodies.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured&lt;/b&gt; on the Sen1Floods11 chip Spain_7370579 (IoU with the hand label): water_mndwi_evi 0.782 (Otsu 0.577), water_mndwi 0.612 (Otsu 0.720), water_ndwi 0.676 (Otsu 0.692), water_sdwi 0.592 (Otsu 0.593). Clouds, shadows and snow are not masked.&lt;/p&gt;&lt;p&gt;&lt;b&gt;qgis_process.&lt;/b&gt;&lt;br&gt;&lt;code&gt;qgis_process run satimpact:waterdetection -- INPUT=scene.tif OUTPUT=water.tif OUTPUT_POLYGONS=water.gpkg MIN_AREA=1000&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input scene (optical or Sentinel-1)</source>
        <translation>입력 영상 (광학 또는 Sentinel-1)</translation>
    </message>
    <message>
        <source>Water model (empty: chosen from the bands; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi)</source>
        <translation>수체 모델 (비우면 밴드에 따라 선택; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. green=3,nir=8 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: green=3,nir=8 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Threshold (empty: the model card's default)</source>
        <translation>임계값 (비우면 모델 카드 기본값)</translation>
    </message>
    <message>
        <source>Automatic threshold (Otsu on this scene)</source>
        <translation>자동 임계값 (이 영상의 오츠 방법)</translation>
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
        <source>Minimum water body area for polygons (m2)</source>
        <translation>폴리곤의 최소 수체 면적 (m2)</translation>
    </message>
    <message>
        <source>Threshold used</source>
        <translation>사용한 임계값</translation>
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
        <source>Import an ONNX model</source>
        <translation>ONNX 모델 가져오기</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <source>Model refused</source>
        <translation>모델 거부됨</translation>
    </message>
    <message>
        <source>Remove the user model '{0}'?</source>
        <translation>사용자 모델 '{0}'을(를) 삭제할까요?</translation>
    </message>
</context>
</TS>
